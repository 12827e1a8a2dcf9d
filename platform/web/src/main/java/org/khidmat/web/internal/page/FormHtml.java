package org.khidmat.web.internal.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.platform.Digits;

/** Questions, error summaries and answers as HTML, in the GOV.UK manner: a label, a hint, the message at the field. */
public final class FormHtml {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");

    private FormHtml() {
    }

    /** A problem as the summary lists it: its text in the page's language and where it is put right, or {@code null}. */
    public record Listed(String text, String href) {
    }

    /** How a one-line box is typed into: attributes by the field's type ({@code null}: none). */
    public record Kind(String inputmode, String autocomplete, String dir, String spellcheck) {
    }

    /** The date's boxes, in the order people write a date in Pakistan; each a word of the citizen book too. */
    public static final List<String> DATE_PARTS = List.of("day", "month", "year");

    /** @return the error summary, focused when the page loads; nothing when there is no problem */
    public static String summary(List<Problem> problems, String lang) {
        if (problems.isEmpty()) {
            return "";
        }
        return Templates.render("page/summary.jte", Map.of("problems", listed(problems, lang),
                "w", Wording.of(Messages.CITIZEN, lang))) + "\n";
    }

    /** @return the problems for the summary, each linked to its field ({@code #f-<field>}) on this page */
    public static List<Listed> listed(List<Problem> problems, String lang) {
        return problems.stream().map(p -> new Listed(said(p, lang), p.field() == null ? null : "#f-" + p.field())).toList();
    }

    /** @return the problem's text in the language */
    public static String said(Problem p, String lang) {
        return "ur".equals(lang) ? p.ur() : p.en();
    }

    public static Problem problemFor(List<Problem> problems, String field) {
        return problems.stream().filter(p -> field.equals(p.field())).findFirst().orElse(null);
    }

    /**
     * @param heading whether the question is the page's only one: its label (or legend) is then the page's heading
     */
    public static String question(Field f, String value, Problem problem, String lang, boolean heading) {
        Map<String, Object> params = new HashMap<>();
        params.put("f", f);
        params.put("value", value);
        params.put("problem", problem);
        params.put("w", Wording.of(Messages.CITIZEN, lang));
        params.put("heading", heading);
        return Templates.render("page/question.jte", params) + "\n";
    }

    /** @return the ids of the hint and the problem that describe the field, or {@code null} when it has neither */
    public static String describedBy(Field f, Problem problem) {
        String hint = f.hint() == null ? null : f.name() + "-hint";
        String error = problem == null ? null : f.name() + "-error";
        return hint == null ? error : error == null ? hint : hint + " " + error;
    }

    /** @return how a box of this type is typed into: digits, a phone number, an e-mail address left to right */
    public static Kind kind(FieldType type) {
        return switch (type) {
            case CNIC -> new Kind("numeric", "off", "ltr", "false");
            case PHONE -> new Kind("tel", "tel", "ltr", null);
            case EMAIL -> new Kind("email", "email", "ltr", "false");
            case NUMBER -> new Kind("numeric", null, "ltr", null);
            default -> new Kind(null, null, null, null);
        };
    }

    /**
     * @return the answer to one question as posted: a date from its day, month and year boxes as {@code d/m/yyyy}
     *     (empty when all three are), and Urdu or Arabic digits made ASCII in a field that holds numbers
     */
    public static String posted(Field f, Map<String, String> form) {
        return switch (f.type()) {
            case DATE -> {
                String n = f.name();
                if (!form.containsKey(n + "-day") && !form.containsKey(n + "-month") && !form.containsKey(n + "-year")) {
                    yield Digits.ascii(form.getOrDefault(n, "")).strip();
                }
                String d = Digits.ascii(form.getOrDefault(n + "-day", "")).strip();
                String m = Digits.ascii(form.getOrDefault(n + "-month", "")).strip();
                String y = Digits.ascii(form.getOrDefault(n + "-year", "")).strip();
                yield d.isEmpty() && m.isEmpty() && y.isEmpty() ? "" : d + "/" + m + "/" + y;
            }
            case CNIC, PHONE, NUMBER -> Digits.ascii(form.getOrDefault(f.name(), "")).strip();
            default -> form.getOrDefault(f.name(), "").strip();
        };
    }

    /** @return a date answer (day/month/year or year-month-day) as its day, month and year; empty parts otherwise */
    public static String[] dayMonthYear(String value) {
        String v = value == null ? "" : value.strip();
        Matcher iso = ISO.matcher(v);
        if (iso.matches()) {
            return new String[] {iso.group(3), iso.group(2), iso.group(1)};
        }
        Matcher dmy = DMY.matcher(v);
        if (dmy.matches()) {
            return new String[] {dmy.group(1), dmy.group(2), dmy.group(3)};
        }
        String[] parts = v.split("/", -1);
        return parts.length == 3 ? parts : new String[] {"", "", ""};
    }

    /** @return a date as people write it in Pakistan, day/month/year ({@code 31/01/1990}); other text as it is */
    public static String date(String value) {
        String[] p = dayMonthYear(value);
        if (p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) {
            return value;
        }
        return (p[0].length() == 1 ? "0" : "") + p[0] + "/" + (p[1].length() == 1 ? "0" : "") + p[1] + "/" + p[2];
    }

    /** An answer as the citizen reads it back, plain text; {@code ltr}: a number that reads left to right (a CNIC). */
    public record Answer(String text, boolean ltr) {
    }

    /** @return the answer as the citizen reads it back: a CNIC with its dashes, a date day/month/year, a choice by its label */
    public static Answer answer(Field f, Map<String, String> answers, String lang) {
        String a = answers.getOrDefault(f.name(), "").strip();
        if (a.isEmpty()) {
            return new Answer(Messages.of(Messages.CITIZEN, lang).get("notGiven"), false);
        }
        return switch (f.type()) {
            case CNIC -> new Answer(cnic(a), true);
            case DATE -> new Answer(date(a), false);
            case SELECT -> new Answer(f.options().stream().filter(o -> o.value().equals(a)).findFirst()
                    .map(o -> o.label().in(lang)).orElse(a), false);
            default -> new Answer(a, false);
        };
    }

    public static String cnic(String typed) {
        String d = typed.replace("-", "");
        return d.length() == 13 && d.chars().allMatch(Character::isDigit)
                ? d.substring(0, 5) + "-" + d.substring(5, 12) + "-" + d.substring(12) : typed;
    }

    /**
     * @return a one-line text question with its hint and, when it has one, its problem
     * @param label the label, HTML the caller made
     * @param hint the hint, HTML the caller made
     */
    public static String input(String name, String label, String hint, String value, List<Problem> problems, String lang) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("label", Layout.made(label));
        params.put("hint", Layout.made(hint));
        params.put("value", value);
        params.put("problems", problems);
        params.put("w", Wording.of(Messages.CITIZEN, lang));
        return Templates.render("page/input.jte", params);
    }
}
