package org.khidmat.api.platform;

/**
 * Digits as people type them in Pakistan, made plain: an Urdu keyboard types Eastern Arabic-Indic digits
 * ({@code ۰-۹}, U+06F0-U+06F9) and an Arabic one Arabic-Indic digits ({@code ٠-٩}, U+0660-U+0669). Every CNIC,
 * phone, date, number and reference field passes its answer through {@link #ascii} before checking it, so
 * {@code ۶۱۱۰۱-۱۲۳۴۵۶۷-۱} is the CNIC {@code 61101-1234567-1}.
 */
public final class Digits {
    private Digits() {
    }

    /**
     * @param typed text as typed, or {@code null}
     * @return the text with each Eastern Arabic-Indic and Arabic-Indic digit replaced by its ASCII digit (the same
     *     instance when there is none); {@code null} for {@code null}
     */
    public static String ascii(String typed) {
        if (typed == null) {
            return null;
        }
        char[] out = null;
        for (int i = 0; i < typed.length(); i++) {
            int d = value(typed.charAt(i));
            if (d >= 0) {
                if (out == null) {
                    out = typed.toCharArray();
                }
                out[i] = (char) ('0' + d);
            }
        }
        return out == null ? typed : new String(out);
    }

    private static int value(char c) {
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        return -1;
    }
}
