package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.JsonOut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a service is closed, in English and Urdu, and the day it is expected back: what the admin wrote when disabling it.
 * It is kept in the service state's one reason text as a small JSON object {@code {"en","ur","until"}}, so the store
 * and its schema stay as they are; a reason written before (plain text) reads as English alone.
 *
 * @param en the reason in English
 * @param ur the reason in Urdu, or {@code null} when the admin wrote none (citizens then read the English)
 * @param until the day the service is expected back, or {@code null} when nobody knows
 */
public record DisabledReason(String en, String ur, LocalDate until) {

    /** @return the reason kept in {@code stored}, or {@code null} when there is none */
    public static DisabledReason of(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        if (stored.startsWith("{")) {
            try {
                JsonNode o = JsonIn.object(stored);
                String en = JsonIn.string(o, "en");
                String until = JsonIn.string(o, "until");
                return new DisabledReason(en == null ? "" : en, blank(JsonIn.string(o, "ur")), until == null ? null
                        : LocalDate.parse(until));
            } catch (JsonIn.BadJson | DateTimeParseException e) {
                return new DisabledReason(stored, null, null);
            }
        }
        return new DisabledReason(stored, null, null);
    }

    /** @return the text to store: plain English when that is all there is, else the JSON object */
    public String stored() {
        if (ur == null && until == null) {
            return en;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("en", en);
        if (ur != null) {
            m.put("ur", ur);
        }
        if (until != null) {
            m.put("until", until.toString());
        }
        return new String(JsonOut.bytes(m), StandardCharsets.UTF_8);
    }

    /** @return whether the admin wrote the reason in the language (English always; Urdu when given; no other) */
    public boolean has(String lang) {
        return "en".equals(lang) || "ur".equals(lang) && ur != null;
    }

    /** @return the reason in the language, as plain text (English where no Urdu was written) */
    public String in(String lang) {
        return "ur".equals(lang) && ur != null ? ur : en;
    }

    /** @return the day the service is expected back in words ("Monday 5 January 2026"), as plain text; null when unknown */
    public String backOn(String lang) {
        return until == null ? null : Languages.day(until, lang);
    }

    /** @return the reason and, when known, the day the service is expected back, as HTML for a citizen page */
    public String html(String lang) {
        return Templates.render("page/reason.jte", Map.of("why", this, "w", Wording.of(Messages.CITIZEN, lang)));
    }

    /** @return the day typed as day/month/year (or year-month-day), Urdu digits too; {@code null} when blank or not a day */
    public static LocalDate day(String typed) {
        String[] p = FormHtml.dayMonthYear(org.khidmat.api.platform.Digits.ascii(typed == null ? "" : typed));
        try {
            return p[0].isEmpty() ? null : LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
