package org.khidmat.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Rule;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Rules;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Descriptor rules in Google's Common Expression Language. Activating this component loads no CEL class: the
 * engine is built when the first rule is compiled, at a deploy or at the first submission that needs it.
 */
@Component(service = Rules.class)
public final class CelRules implements Rules {
    private static final Logger LOG = LoggerFactory.getLogger(CelRules.class);
    private static final Pattern READS = Pattern.compile("\\banswers\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)"
            + "|\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*\\])");
    private static final Pattern READS_TIER = Pattern.compile("\\btier\\b");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");
    static final String FAILED_EN = "We could not check this answer; check it, try again, or ask at the counter";
    static final String FAILED_UR = "ہم یہ جواب جانچ نہیں سکے؛ اسے دیکھ لیں، دوبارہ کوشش کریں یا کاؤنٹر پر پوچھیں";

    private final CompiledRules compiled = new CompiledRules();

    @Override
    public List<String> compile(ServiceDescriptor d) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = d.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String path = d.source() + ": rules[" + i + "]";
            if (r.when() != null) {
                compileOne(d, r, path + ".when", r.when(), problems);
            }
            compileOne(d, r, path + ".check", r.check(), problems);
        }
        return problems;
    }

    private void compileOne(ServiceDescriptor d, Rule r, String path, String expression, List<String> problems) {
        try {
            compiled.get(expression);
        } catch (CompiledRules.InvalidExpression e) {
            problems.add(path + ": rule '" + r.id() + "' is not a valid true/false expression: " + e.getMessage());
            return;
        }
        for (String name : reads(expression)) {
            if (d.field(name).isEmpty()) {
                problems.add(path + ": rule '" + r.id() + "' reads answers." + name + " but the form has no field '"
                        + name + "'");
            } else if (!r.fields().contains(name)) {
                problems.add(path + ": rule '" + r.id() + "' reads answers." + name + "; list '" + name
                        + "' in its \"fields\" so that it is checked once that answer is given");
            }
        }
    }

    @Override
    public List<Problem> check(ServiceDescriptor d, List<Rule> rules, Submission s) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> answers = TypedAnswers.of(d, s.answers());
        Instant today = RuleFunctions.at(s.today());
        String tier = s.tier() == null ? "" : s.tier();
        for (Rule r : rules) {
            if (s.tier() == null && (readsTier(r.when()) || readsTier(r.check()))) {
                continue;
            }
            try {
                boolean applies = r.when() == null || compiled.get(r.when()).eval(answers, today, tier);
                if (applies && !compiled.get(r.check()).eval(answers, today, tier)) {
                    problems.add(Problem.of(r.field(), r.message().en(), r.message().ur()));
                }
            } catch (Exception e) {
                LOG.warn("rules: rule {} of {} v{} failed, so the answers are refused: {}: {}", r.id(), d.id(),
                        d.version(), e.getClass().getSimpleName(), masked(e.getMessage()));
                problems.add(Problem.of(r.field(), FAILED_EN, FAILED_UR));
            }
        }
        return problems;
    }

    /** @return the field names an expression reads as {@code answers.x} or {@code answers['x']} */
    static Set<String> reads(String expression) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = READS.matcher(expression);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return names;
    }

    private static boolean readsTier(String expression) {
        return expression != null && READS_TIER.matcher(expression).find();
    }

    /** Error messages may quote an answer: no CNIC or phone number reaches the log. */
    private static String masked(String message) {
        return message == null ? "" : LONG_DIGITS.matcher(message).replaceAll("*****");
    }
}
