package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Http;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.Option;
import org.khidmat.api.platform.Digits;

/** Questions, error summaries and answers as HTML, in the GOV.UK manner: a label, a hint, the message at the field. */
public final class FormHtml {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");

    private FormHtml() {
    }

    public static String summary(List<Problem> problems, String lang) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"
                + " aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">").append(Words.get("problem", lang))
                .append("</h2><ul>");
        for (Problem p : problems) {
            String text = Http.text("ur".equals(lang) ? p.ur() : p.en(), lang);
            b.append("<li>").append(p.field() == null ? text : "<a href=\"#f-" + Http.escape(p.field()) + "\">" + text + "</a>")
                    .append("</li>");
        }
        return b.append("</ul></div>\n").toString();
    }

    public static Problem problemFor(List<Problem> problems, String field) {
        return problems.stream().filter(p -> field.equals(p.field())).findFirst().orElse(null);
    }

    /**
     * @param heading whether the question is the page's only one: its label (or legend) is then the page's heading
     */
    public static String question(Field f, String value, Problem problem, String lang, boolean heading) {
        String name = Http.escape(f.name());
        String id = "f-" + name;
        StringBuilder notes = new StringBuilder();
        StringBuilder describedBy = new StringBuilder();
        if (f.hint() != null) {
            notes.append("<span class=\"hint\" id=\"").append(name).append("-hint\">").append(Http.text(f.hint().in(lang), lang))
                    .append("</span>");
            describedBy.append(name).append("-hint");
        }
        if (problem != null) {
            notes.append("<span class=\"message\" id=\"").append(name).append("-error\">").append(Words.get("error", lang))
                    .append(": ").append(Http.text("ur".equals(lang) ? problem.ur() : problem.en(), lang)).append("</span>");
            describedBy.append(describedBy.length() > 0 ? " " : "").append(name).append("-error");
        }
        String aria = describedBy.length() > 0 ? " aria-describedby=\"" + describedBy + "\"" : "";
        StringBuilder b = new StringBuilder("<div class=\"field").append(problem == null ? "" : " field-error").append("\">");
        String label = Http.text(f.label().in(lang), lang);
        String v = Http.escape(value == null ? "" : value);
        String invalid = problem != null ? " aria-invalid=\"true\"" : "";
        switch (f.type()) {
            case DATE -> {
                String[] dmy = dayMonthYear(value);
                b.append("<fieldset role=\"group\"").append(aria).append("><legend>").append(heading ? "<h1 class=\"flush\">" : "")
                        .append(label).append(heading ? "</h1>" : "").append("</legend>").append(notes).append("<div class=\"date\" dir=\"ltr\">");
                String[] parts = {"day", "month", "year"};
                for (int i = 0; i < 3; i++) {
                    String pid = i == 0 ? id : id + "-" + parts[i];
                    b.append("<div class=\"date-part\"><label for=\"").append(pid).append("\">").append(Words.get(parts[i], lang))
                            .append("</label><input type=\"text\" class=\"").append(i == 2 ? "w4" : "w2").append("\" id=\"")
                            .append(pid).append("\" name=\"").append(name).append('-').append(parts[i]).append("\" value=\"")
                            .append(Http.escape(dmy[i])).append("\" inputmode=\"numeric\" maxlength=\"").append(i == 2 ? 4 : 2)
                            .append('"').append(invalid).append(i == 0 && f.name().toLowerCase().contains("birth")
                                    ? " autocomplete=\"bday-day\"" : "").append("></div>");
                }
                b.append("</div></fieldset>");
            }
            case SELECT -> {
                b.append("<fieldset").append(aria).append("><legend>").append(heading ? "<h1 class=\"flush\">" : "").append(label)
                        .append(heading ? "</h1>" : "").append("</legend>").append(notes);
                int i = 0;
                for (Option o : f.options()) {
                    String oid = i++ == 0 ? id : id + "-" + i;
                    b.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(oid).append("\" name=\"").append(name)
                            .append("\" value=\"").append(Http.escape(o.value())).append('"')
                            .append(o.value().equals(value) ? " checked" : "").append("> <label for=\"").append(oid).append("\">")
                            .append(Http.text(o.label().in(lang), lang)).append("</label></div>");
                }
                b.append("</fieldset>");
            }
            case TEXTAREA -> b.append(open(heading)).append("<label for=\"").append(id).append("\">").append(label).append("</label>")
                    .append(close(heading)).append(notes)
                    .append("<textarea id=\"").append(id).append("\" name=\"").append(name).append("\" rows=\"4\"")
                    .append(aria).append(invalid).append('>').append(v).append("</textarea>");
            default -> b.append(open(heading)).append("<label for=\"").append(id).append("\">").append(label).append("</label>")
                    .append(close(heading)).append(notes)
                    .append("<input type=\"text\" id=\"").append(id).append("\" name=\"").append(name).append("\" value=\"")
                    .append(v).append('"').append(aria).append(invalid).append(extra(f.type())).append('>');
        }
        return b.append("</div>\n").toString();
    }

    private static String extra(FieldType type) {
        return switch (type) {
            case CNIC -> " inputmode=\"numeric\" autocomplete=\"off\" dir=\"ltr\" spellcheck=\"false\"";
            case PHONE -> " inputmode=\"tel\" autocomplete=\"tel\" dir=\"ltr\"";
            case EMAIL -> " inputmode=\"email\" autocomplete=\"email\" dir=\"ltr\" spellcheck=\"false\"";
            case NUMBER -> " inputmode=\"numeric\" dir=\"ltr\"";
            default -> "";
        };
    }

    private static String open(boolean heading) {
        return heading ? "<h1 class=\"flush label-heading\">" : "";
    }

    private static String close(boolean heading) {
        return heading ? "</h1>" : "";
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

    /** @return the answer as the citizen reads it back: a CNIC with its dashes, a choice by its label */
    public static String shown(Field f, Map<String, String> answers, String lang) {
        String a = answers.getOrDefault(f.name(), "").strip();
        if (a.isEmpty()) {
            return Words.get("notGiven", lang);
        }
        if (f.type() == FieldType.CNIC) {
            return "<span dir=\"ltr\">" + Http.escape(cnic(a)) + "</span>";
        }
        if (f.type() == FieldType.DATE) {
            return Http.text(date(a), lang);
        }
        if (f.type() == FieldType.SELECT) {
            return f.options().stream().filter(o -> o.value().equals(a)).findFirst()
                    .map(o -> Http.text(o.label().in(lang), lang)).orElse(Http.text(a, lang));
        }
        return Http.text(a, lang);
    }

    public static String cnic(String typed) {
        String d = typed.replace("-", "");
        return d.length() == 13 && d.chars().allMatch(Character::isDigit)
                ? d.substring(0, 5) + "-" + d.substring(5, 12) + "-" + d.substring(12) : typed;
    }

    /** @return a one-line text question with its hint and, when it has one, its problem */
    public static String input(String name, String label, String hint, String value, List<Problem> problems, String lang) {
        Problem p = FormHtml.problemFor(problems, name);
        StringBuilder b = new StringBuilder("<div class=\"field").append(p == null ? "" : " field-error").append("\"><label for=\"f-")
                .append(name).append("\">").append(label).append("</label><span class=\"hint\" id=\"").append(name).append("-hint\">")
                .append(hint).append("</span>");
        if (p != null) {
            b.append("<span class=\"message\" id=\"").append(name).append("-error\">").append(Words.get("error", lang)).append(": ")
                    .append(Http.text("ur".equals(lang) ? p.ur() : p.en(), lang)).append("</span>");
        }
        return b.append("<input type=\"text\" dir=\"ltr\" autocomplete=\"off\" id=\"f-").append(name).append("\" name=\"")
                .append(name).append("\" value=\"").append(Http.escape(value)).append("\" aria-describedby=\"").append(name)
                .append("-hint").append(p == null ? "" : " " + name + "-error").append("\"></div>").toString();
    }
}
