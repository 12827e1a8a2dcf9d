package org.khidmat.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.Submission;
import org.khidmat.api.descriptor.Descriptors;
import org.khidmat.api.descriptor.ServiceDescriptor;

/** The rules service on its own: compiling at deploy, and evaluating answers at submission. */
class CelRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CelRules rules = new CelRules();

    @Test
    void theSampleRulesCompile() throws Exception {
        assertEquals(List.of(), rules.compile(permit(d -> { })));
    }

    @Test
    void answersThatKeepEveryRulePass() throws Exception {
        assertEquals(List.of(), check(permit(d -> { }), "normal", Map.of("cnic", "6110112345671", "dateOfBirth", "2008-12-02",
                "expiry", "2027-05-31", "weight", "30", "destination", "cn")));
    }

    @Test
    void eachBrokenRuleGivesItsMessageOnItsField() throws Exception {
        List<Problem> found = check(permit(d -> { }), "normal", Map.of("cnic", "6110112345671", "dateOfBirth", "2008-12-03",
                "expiry", "2027-06-01", "weight", "31", "destination", "xx"));
        assertEquals(List.of(Problem.of("dateOfBirth", "You must be 18 or over", "عمر 18 سال یا زائد ہونی چاہیے"),
                Problem.of("expiry", "You can renew within 180 days of the expiry", "تنسیخ سے 180 دن پہلے تجدید ہو سکتی ہے"),
                Problem.of("weight", "At most 30 kg", "زیادہ سے زیادہ 30 کلو"),
                Problem.of("destination", "We cannot send to this country", "اس ملک کو نہیں بھیج سکتے")), found);
    }

    @Test
    void whenLimitsARuleToItsCase() throws Exception {
        ServiceDescriptor d = permit(x -> { });
        Map<String, String> twenty = Map.of("cnic", "6110112345671", "dateOfBirth", "2006-06-01");
        assertEquals(List.of(), check(d, "normal", twenty));
        assertEquals(List.of(Problem.of("dateOfBirth", "Urgent only from 21", "فوری صرف 21 سال سے")), check(d, "urgent", twenty));
        assertEquals(List.of(), check(d, null, twenty), "the tier is not chosen yet: rules that read it wait");
    }

    @Test
    void aRuleThatFailsWhileItRunsRefusesWithAGeneralMessage() throws Exception {
        ServiceDescriptor d = permit(x -> rule(x, "no-when", null, "answers.weight <= 30", "weight"));
        List<Problem> found = check(d, "normal", Map.of("cnic", "6110112345671", "dateOfBirth", "2000-01-01"));
        assertEquals(List.of(Problem.of("weight", CelRules.FAILED_EN, CelRules.FAILED_UR)), found,
                "answers.weight is absent and no when asks has(): refused, never thrown");
    }

    @Test
    void compileNamesTheRuleAndCelsError() throws Exception {
        List<String> problems = rules.compile(permit(x -> {
            rule(x, "syntax", null, "answers.weight <=", "weight");
            rule(x, "not-bool", null, "today.addDays(1)", null);
            rule(x, "unknown-fn", null, "launch(answers.weight)", "weight");
            rule(x, "typo", "has(answers.wieght)", "true", null);
            rule(x, "unlisted", null, "has(answers.weight)", "destination");
        }));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("services/permit.json: rules[5].check: rule 'syntax' is not a valid true/false "
                + "expression: at column "), problems.get(0));
        assertTrue(problems.get(1).startsWith("services/permit.json: rules[6].check: rule 'not-bool' is not a valid"), problems.get(1));
        assertTrue(problems.get(2).contains("rule 'unknown-fn'") && problems.get(2).contains("launch"), problems.get(2));
        assertEquals("services/permit.json: rules[8].when: rule 'typo' reads answers.wieght but the form has no field 'wieght'",
                problems.get(3));
        assertEquals("services/permit.json: rules[9].check: rule 'unlisted' reads answers.weight; list 'weight' in its "
                + "\"fields\" so that it is checked once that answer is given", problems.get(4));
    }

    @Test
    void expressionsAreBoundedInNestingAndLoops() throws Exception {
        String deep = "(".repeat(40) + "true" + ")".repeat(40);
        List<String> nested = rules.compile(permit(x -> rule(x, "deep", null, deep, null)));
        assertEquals(1, nested.size(), nested.toString());
        assertTrue(nested.get(0).contains("rule 'deep' is not a valid"), nested.get(0));
        ServiceDescriptor loops = permit(x -> rule(x, "loops", null,
                "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, a + b + c > 0)))", null));
        assertEquals(List.of(), rules.compile(loops));
        assertEquals(List.of(Problem.of(null, CelRules.FAILED_EN, CelRules.FAILED_UR)),
                check(loops, "normal", Map.of("cnic", "6110112345671", "dateOfBirth", "2000-01-01")),
                "1000 iterations at most: a rule that would take more is refused while it runs");
    }

    @Test
    void dateFunctions() throws Exception {
        ServiceDescriptor d = permit(x -> {
            rule(x, "months", null, "date('2026-01-31').addMonths(1) == date('2026-02-28')", null);
            rule(x, "years", null, "date('2024-02-29').addYears(1) == date('2025-02-28')", null);
            rule(x, "digits", null, "digits('61101-2345-67') == '61101234567'", null);
            rule(x, "between", null, "daysBetween(date('2026-12-01'), today) == 1 && yearsBetween(date('2008-12-03'), today) == 17", null);
        });
        assertEquals(List.of(), rules.compile(d));
        assertEquals(List.of(), check(d, "normal", Map.of("cnic", "6110112345671", "dateOfBirth", "2000-01-01")));
    }

    @Test
    void readsFindsEveryAnswerNamed() {
        assertEquals(List.of("a", "b_2", "c"), List.copyOf(CelRules.reads("answers.a < answers . b_2 || answers['c'] == 'x'")));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private List<Problem> check(ServiceDescriptor d, String tier, Map<String, String> answers) {
        return rules.check(d, d.rules(), Submission.of(d.id(), tier, new HashMap<>(answers), TODAY));
    }

    private static ServiceDescriptor permit(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode d;
        try (InputStream in = CelRulesTest.class.getResourceAsStream("/services/permit.json")) {
            d = (ObjectNode) JSON.readTree(in);
        }
        edit.accept(d);
        return Descriptors.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(d)), "services/permit.json");
    }

    private static void rule(ObjectNode d, String id, String when, String check, String field) {
        ObjectNode r = ((ArrayNode) d.get("rules")).addObject().put("id", id);
        if (when != null) {
            r.put("when", when);
        }
        r.put("check", check);
        if (field != null) {
            r.putArray("fields").add(field);
        }
        r.putObject("message").put("en", "m").put("ur", "م");
    }
}
