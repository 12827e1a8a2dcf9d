package org.khidmat.api.descriptor;

/**
 * A text in English and Urdu.
 *
 * @param en the English text
 * @param ur the Urdu text
 */
public record Text(String en, String ur) {

    /**
     * @param lang {@code "ur"} for Urdu; anything else gives English
     * @return the text in that language
     */
    public String in(String lang) {
        return "ur".equals(lang) ? ur : en;
    }
}
