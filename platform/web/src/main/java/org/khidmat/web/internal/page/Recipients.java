package org.khidmat.web.internal.page;

/**
 * A message's recipient masked for the track page: enough to recognise one's own number or address, not enough to
 * learn someone else's ({@code 0300*****67}, {@code a***@example.com}).
 */
public final class Recipients {
    private Recipients() {
    }

    public static String mask(String channel, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return "";
        }
        String r = recipient.strip();
        int at = r.lastIndexOf('@');
        if ("email".equals(channel) || at > 0) {
            return at <= 0 ? "***" : r.charAt(0) + "***" + r.substring(at);
        }
        String digits = r.replaceAll("[^0-9+]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 4) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 2);
    }
}
