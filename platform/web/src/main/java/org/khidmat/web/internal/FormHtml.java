package org.khidmat.web.internal;

import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.Option;

/** Questions, error summaries and answers as HTML, in the GOV.UK manner: a label, a hint, the message at the field. */
final class FormHtml {
    private FormHtml() {
    }

    static String summary(List<Problem> problems, String lang) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\""
                + " aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">").append(Words.get("problem", lang))
                .append("</h2><ul>");
        for (Problem p : problems) {
            String text = Http.text("ur".equals(lang) ? p.ur() : p.en(), lang);
            b.append("<li>").append(p.field() == null ? text : "<a href=\"#f-" + Http.escape(p.field()) + "\">" + text + "</a>")
                    .append("</li>");
        }
        return b.append("</ul></div>\n").toString();
    }

    static Problem problemFor(List<Problem> problems, String field) {
        return problems.stream().filter(p -> field.equals(p.field())).findFirst().orElse(null);
    }

    static String question(Field f, String value, Problem problem, String lang) {
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
            case SELECT -> {
                b.append("<fieldset").append(aria).append("><legend>").append(label).append("</legend>").append(notes);
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
            case TEXTAREA -> b.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(notes)
                    .append("<textarea id=\"").append(id).append("\" name=\"").append(name).append("\" rows=\"4\"")
                    .append(aria).append(invalid).append('>').append(v).append("</textarea>");
            default -> b.append("<label for=\"").append(id).append("\">").append(label).append("</label>").append(notes)
                    .append("<input type=\"text\" id=\"").append(id).append("\" name=\"").append(name).append("\" value=\"")
                    .append(v).append('"').append(aria).append(invalid).append(extra(f.type())).append('>');
        }
        return b.append("</div>\n").toString();
    }

    private static String extra(FieldType type) {
        return switch (type) {
            case CNIC -> " inputmode=\"numeric\" autocomplete=\"off\" dir=\"ltr\" spellcheck=\"false\"";
            case DATE -> " inputmode=\"numeric\" dir=\"ltr\" placeholder=\"yyyy-mm-dd\"";
            case PHONE -> " inputmode=\"tel\" autocomplete=\"tel\" dir=\"ltr\"";
            case EMAIL -> " inputmode=\"email\" autocomplete=\"email\" dir=\"ltr\" spellcheck=\"false\"";
            case NUMBER -> " inputmode=\"numeric\" dir=\"ltr\"";
            default -> "";
        };
    }

    /** @return the answer as the citizen reads it back: a CNIC with its dashes, a choice by its label */
    static String shown(Field f, Map<String, String> answers, String lang) {
        String a = answers.getOrDefault(f.name(), "").strip();
        if (a.isEmpty()) {
            return Words.get("notGiven", lang);
        }
        if (f.type() == FieldType.CNIC) {
            return "<span dir=\"ltr\">" + Http.escape(cnic(a)) + "</span>";
        }
        if (f.type() == FieldType.SELECT) {
            return f.options().stream().filter(o -> o.value().equals(a)).findFirst()
                    .map(o -> Http.text(o.label().in(lang), lang)).orElse(Http.text(a, lang));
        }
        return Http.text(a, lang);
    }

    static String cnic(String typed) {
        String d = typed.replace("-", "");
        return d.length() == 13 && d.chars().allMatch(Character::isDigit)
                ? d.substring(0, 5) + "-" + d.substring(5, 12) + "-" + d.substring(12) : typed;
    }
}
