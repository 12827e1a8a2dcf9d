package org.khidmat.core.internal.applications;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.Text;
import org.khidmat.core.internal.words.CoreWords;

/**
 * The descriptor's own checks of one answer, by field type, with messages in English and Urdu ({@code field.*} of
 * core's {@code messages_<lang>.properties}).
 */
public final class FieldRules {
    private static final Pattern CNIC = Pattern.compile("\\d{5}-?\\d{7}-?\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Day, month, year as Pakistani forms write a date: 12/05/1990, 12-5-1990, 12.05.1990. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s()-]");
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-24-9]\\d{7,9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}");
    private static final CoreWords WORDS = CoreWords.MESSAGES;

    private FieldRules() {
    }

    /**
     * @param f the question
     * @param answer the answer, trimmed; empty when not given
     * @return what is wrong with it, or {@code null}
     */
    static Problem check(Field f, String given) {
        String answer = typed(f, given);
        String name = f.name();
        Text label = f.label();
        if (answer.isEmpty()) {
            return f.required() ? WORDS.problem(name, "field.required", label) : null;
        }
        if (answer.length() > f.maxLength()) {
            return WORDS.problem(name, "field.tooLong", label, f.maxLength());
        }
        Problem typed = switch (f.type()) {
            case TEXT, TEXTAREA -> answer.length() < f.minLength() ? WORDS.problem(name, "field.tooShort", label, f.minLength())
                    : null;
            case CNIC -> CNIC.matcher(answer).matches() ? null : WORDS.problem(name, "field.cnic", label);
            case DATE -> date(answer) ? null : WORDS.problem(name, "field.date", label);
            case SELECT -> f.options().stream().anyMatch(o -> o.value().equals(answer)) ? null
                    : WORDS.problem(name, "field.select", label);
            case PHONE -> phone(answer) ? null : WORDS.problem(name, "field.phone", label);
            case EMAIL -> EMAIL.matcher(answer).matches() ? null : WORDS.problem(name, "field.email", label);
            case NUMBER -> NUMBER.matcher(answer).matches() ? null : WORDS.problem(name, "field.number", label);
        };
        if (typed == null && f.pattern() != null && !Pattern.compile(f.pattern()).matcher(answer).matches()) {
            return WORDS.problem(name, "field.pattern", label);
        }
        return typed;
    }

    /** @return the answer as stored: 13 digits for a CNIC, a date as yyyy-mm-dd, otherwise as given (trimmed) */
    static String stored(Field f, String given) {
        String answer = typed(f, given);
        return switch (f.type()) {
            case CNIC -> answer.replace("-", "");
            case DATE -> iso(answer);
            default -> answer;
        };
    }

    /** @return the answer with Urdu and Arabic digits made ASCII where the field holds numbers ({@link Digits}) */
    private static String typed(Field f, String answer) {
        return switch (f.type()) {
            case CNIC, DATE, PHONE, NUMBER -> Digits.ascii(answer);
            default -> answer;
        };
    }

    /**
     * @return a date typed as day/month/year (or year-month-day) as yyyy-mm-dd; the text as given when it is
     *     neither
     */
    public static String iso(String typed) {
        String s = Digits.ascii(typed).strip();
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            return m.group(3) + "-" + pad(m.group(2)) + "-" + pad(m.group(1));
        }
        return s;
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    /** @return the 13 digits of a CNIC typed with or without dashes, or {@code null} when it is not one */
    public static String cnicDigits(String typed) {
        if (typed == null) {
            return null;
        }
        String s = Digits.ascii(typed).strip();
        return CNIC.matcher(s).matches() ? s.replace("-", "") : null;
    }

    /** @return a 13-digit CNIC masked for lists: {@code 61101-*******-1} */
    public static String mask(String digits) {
        return digits == null || digits.length() != 13 ? "*************" : digits.substring(0, 5) + "-*******-" + digits.charAt(12);
    }

    private static boolean date(String typed) {
        String s = iso(typed);
        if (!DATE.matcher(s).matches()) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean phone(String s) {
        String digits = PHONE_PUNCTUATION.matcher(s).replaceAll("");
        if (digits.startsWith("+92")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0092")) {
            digits = "0" + digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches();
    }
}
