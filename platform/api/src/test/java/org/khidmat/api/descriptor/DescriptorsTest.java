package org.khidmat.api.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.khidmat.api.AgencyBundle;

/**
 * The descriptor format as {@link Descriptors#parse} reads it. Good descriptors are checked field by field;
 * every bad one is checked against the exact problem strings, since those strings are what an agency
 * developer reads. Bad variants are built from {@code descriptors/base.json} with one small edit each.
 */
class DescriptorsTest {
    private static final String SOURCE = "services/permit.json";
    private static final String S = SOURCE + ": ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPES = "text, textarea, cnic, date, select, phone, email, number";

    // ---- good descriptors ------------------------------------------------------------------------------

    @Test
    void theSameBytesReadAgainGiveTheSameImmutableDescriptor() throws Exception {
        byte[] json = resource("base.json");
        ServiceDescriptor first = parse(json);
        assertSame(first, parse(json.clone()), "read again: the descriptor already read");
        assertThrows(UnsupportedOperationException.class, () -> first.fees().clear(), "shared, so it cannot be changed");
        assertThrows(UnsupportedOperationException.class, () -> first.workflow().states().clear());
        ServiceDescriptor elsewhere = Descriptors.parse(new ByteArrayInputStream(json), "services/other.json");
        assertNotSame(first, elsewhere);
        assertEquals("services/other.json", elsewhere.source(), "another path keeps its own source");
        ObjectNode changed = (ObjectNode) JSON.readTree(json);
        changed.put("version", 4);
        assertEquals(4, parse(JSON.writeValueAsBytes(changed)).version(), "changed bytes are read afresh");
        ObjectNode broken = (ObjectNode) JSON.readTree(json);
        broken.remove("title");
        byte[] bad = JSON.writeValueAsBytes(broken);
        assertThrows(DescriptorException.class, () -> parse(bad));
        assertThrows(DescriptorException.class, () -> parse(bad), "a bad descriptor is refused every time");
    }

    @Test
    void baseParsesIntoTheModel() throws Exception {
        ServiceDescriptor d = parse(resource("base.json"));

        assertEquals("cda.building-permit", d.id());
        assertEquals(3, d.version());
        assertEquals(new Agency("cda", new Text("Capital Development Authority", "کیپیٹل ڈویلپمنٹ اتھارٹی")), d.agency());
        assertEquals("housing", d.category());
        assertEquals(new Text("Building permit", "عمارت کا اجازت نامہ"), d.title());
        assertEquals("عمارت کا اجازت نامہ", d.title().in("ur"));
        assertEquals("Building permit", d.title().in("en"));
        assertEquals("Permission to build on a plot in Islamabad.", d.summary().en());
        assertEquals(new Text("Plot owners", "پلاٹ کے مالکان"), d.eligibility());
        assertEquals(List.of(new Text("Site plan", "سائٹ پلان")), d.documents());
        assertTrue(d.handler());
        assertEquals(SOURCE, d.source());

        assertEquals(List.of(
                new FeeTier("normal", new Text("Normal", "عام"), 1000, 30),
                new FeeTier("urgent", new Text("Urgent", "ارجنٹ"), 2500, 10)), d.fees());
        assertEquals("normal", d.lowestFee().id());
        assertEquals(10, d.fee("urgent").orElseThrow().days());
        assertTrue(d.fee("executive").isEmpty());

        assertEquals(List.of(FieldType.TEXT, FieldType.CNIC, FieldType.SELECT, FieldType.TEXT, FieldType.TEXTAREA,
                FieldType.DATE, FieldType.PHONE, FieldType.EMAIL, FieldType.NUMBER),
                d.form().stream().map(Field::type).toList());
        assertEquals(List.of("ownerName", "cnic", "plotUse", "plotNo", "details", "startDate", "mobile", "email", "floors"),
                d.form().stream().map(Field::name).toList());

        Field owner = d.field("ownerName").orElseThrow();
        assertEquals(new Field("ownerName", FieldType.TEXT, new Text("Owner's name", "مالک کا نام"), null, true, List.of(),
                3, 80, null, 1), owner);
        Field cnic = d.field("cnic").orElseThrow();
        assertEquals(new Text("13 digits", "13 ہندسے"), cnic.hint());
        assertTrue(cnic.required());

        Field use = d.field("plotUse").orElseThrow();
        assertEquals(List.of(new Option("home", new Text("Home", "رہائشی")), new Option("shop", new Text("Shop", "تجارتی"))),
                use.options());
        assertEquals(2, use.page());
        assertEquals("[0-9]{1,5}", d.field("plotNo").orElseThrow().pattern());
        assertTrue(d.field("nothing").isEmpty());
    }

    @Test
    void defaultsOfAField() throws Exception {
        ServiceDescriptor d = parse(resource("base.json"));
        Field details = d.field("details").orElseThrow();
        assertEquals(2000, details.maxLength(), "a textarea holds 2000 characters unless it says otherwise");
        assertEquals(0, details.minLength());
        assertFalse(details.required());
        assertNull(details.hint());
        assertNull(details.pattern());
        assertEquals(List.of(), details.options());

        Field mobile = d.field("mobile").orElseThrow();
        assertEquals(200, mobile.maxLength(), "any other field holds 200 characters unless it says otherwise");
        assertEquals(0, mobile.minLength());
        assertFalse(mobile.required());

        assertEquals(1, d.field("cnic").orElseThrow().page(), "page defaults to 1");
    }

    @Test
    void workflowOfBase() throws Exception {
        Workflow w = parse(resource("base.json")).workflow();
        assertEquals("submitted", w.initial());
        assertEquals(List.of(
                new State("submitted", new Text("Submitted", "جمع"), false),
                new State("in-review", new Text("In review", "زیر جائزہ"), false),
                new State("approved", new Text("Approved", "منظور"), true),
                new State("rejected", new Text("Rejected", "مسترد"), true)), w.states());
        assertEquals(List.of(
                new Transition("submitted", "in-review", new Text("Review", "جائزہ"), false),
                new Transition("in-review", "approved", new Text("Approve", "منظور کریں"), false),
                new Transition("in-review", "rejected", new Text("Reject", "مسترد کریں"), true)), w.transitions());
        assertEquals(List.of("approved", "rejected"), w.from("in-review").stream().map(Transition::to).toList());
        assertTrue(w.transition("in-review", "rejected").orElseThrow().noteRequired());
        assertTrue(w.transition("submitted", "approved").isEmpty());
        assertTrue(w.state("approved").orElseThrow().terminal());
        assertTrue(w.state("draft").isEmpty());
    }

    @Test
    void minimalDescriptorTakesTheDefaults() throws Exception {
        ServiceDescriptor d = parse(resource("minimal.json"));
        assertEquals("fbr.ntn", d.id());
        assertFalse(d.handler(), "handler defaults to false");
        assertNull(d.eligibility());
        assertEquals(List.of(), d.documents());
        assertEquals(List.of(), d.form());
        assertEquals(List.of(new FeeTier("free", new Text("Free", "مفت"), 0, 0)), d.fees());
        assertEquals("open", d.workflow().initial());
    }

    @Test
    void samplePluginDescriptorsParse() throws Exception {
        for (String file : List.of("plugins/nadra/src/main/resources/services/cnic-renewal.json",
                "plugins/ictpolice/src/main/resources/services/character-certificate.json")) {
            Path path = Path.of("../..").resolve(file);
            Assumptions.assumeTrue(Files.exists(path), "sample plugins are beside this module in the reactor");
            try (InputStream in = Files.newInputStream(path)) {
                ServiceDescriptor d = Descriptors.parse(in, path.getFileName().toString());
                assertTrue(d.id().startsWith(d.agency().code() + "."), d.id());
            }
        }
    }

    @Test
    void theStreamIsNotClosed() throws Exception {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream(resource("base.json"))) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        Descriptors.parse(in, SOURCE);
        assertFalse(closed[0]);
    }

    @Test
    void exactlyTheLargestSizeIsRead() throws Exception {
        byte[] base = resource("base.json");
        byte[] padded = new byte[AgencyBundle.MAX_DESCRIPTOR_BYTES];
        System.arraycopy(base, 0, padded, 0, base.length);
        java.util.Arrays.fill(padded, base.length, padded.length, (byte) ' ');
        assertEquals("cda.building-permit", parse(padded).id());
    }

    // ---- not a descriptor at all -----------------------------------------------------------------------

    @Test
    void notJsonSaysWhere() throws Exception {
        assertEquals(List.of(S + "not valid JSON at line 3, column 3: Unexpected character ('\"' (code 34)): "
                + "was expecting comma to separate Object entries"), problems(resource("not-json.json")));
    }

    @Test
    void emptyInput() throws Exception {
        assertEquals(List.of(S + "empty file, expected a JSON object"), problems(""));
        assertEquals(List.of(S + "empty file, expected a JSON object"), problems("  \n\t "));
    }

    @Test
    void topLevelNotAnObject() throws Exception {
        assertEquals(List.of(S + "must be a JSON object"), problems("[]"));
        assertEquals(List.of(S + "must be a JSON object"), problems("\"cda.permit\""));
    }

    @Test
    void duplicateJsonKey() throws Exception {
        assertEquals(List.of(S + "not valid JSON at line 1, column 37: Duplicate field 'formatVersion'"),
                problems("{\"formatVersion\": 1, \"formatVersion\": 1}"));
    }

    @Test
    void oversizedInput() throws Exception {
        byte[] big = new byte[AgencyBundle.MAX_DESCRIPTOR_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals(List.of(S + "larger than 262144 bytes"), problems(big));
    }

    // ---- top level -------------------------------------------------------------------------------------

    @Test
    void missingFormatVersion() throws Exception {
        assertProblems(d -> d.remove("formatVersion"), "formatVersion: is required (this centre reads format 1)");
    }

    @Test
    void wrongFormatVersion() throws Exception {
        assertProblems(d -> d.put("formatVersion", 2), "formatVersion: is 2 but this centre reads format 1");
        assertProblems(d -> d.put("formatVersion", "1"), "formatVersion: is \"1\" but this centre reads format 1");
    }

    @Test
    void unknownKeyIsATypo() throws Exception {
        assertProblems(d -> d.set("titel", d.remove("title")),
                "titel: is not a descriptor field (allowed here: formatVersion, id, version, agency, category, title, "
                        + "summary, eligibility, documents, fees, form, workflow, handler, rules)",
                "title: is required: {\"en\": ..., \"ur\": ...}");
        assertProblems(d -> fee(d, 0).put("price", 5),
                "fees[0].price: is not a descriptor field (allowed here: id, title, amount, days)");
        assertProblems(d -> field(d, 0).put("requried", true),
                "form[0].requried: is not a descriptor field (allowed here: name, type, label, hint, required, options, "
                        + "minLength, maxLength, pattern, page)");
        assertProblems(d -> ((ObjectNode) d.get("title")).put("english", "Permit"),
                "title.english: is not a language: the keys of a text are ISO 639-1 codes, lowercase (en, ur, sd, ps, pa, ...)");
    }

    @Test
    void aTextMayBeInFurtherLanguagesAndFallsBackToEnglish() throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(resource("base.json"));
        ((ObjectNode) d.get("title")).put("sd", "عمارت جو اجازت نامو").put("pa", "عمارت دا اجازت نامہ");
        ((ObjectNode) field(d, 0).get("label")).put("ps", "نوم");
        ServiceDescriptor read = parse(JSON.writeValueAsBytes(d));
        Text title = read.title();
        assertEquals("عمارت جو اجازت نامو", title.in("sd"));
        assertEquals("عمارت دا اجازت نامہ", title.in("pa"));
        assertEquals(title.en(), title.in("ps"), "a language the text lacks falls back to English");
        assertEquals(List.of("en", "ur", "pa", "sd"), List.copyOf(title.languages()));
        assertEquals("نوم", read.form().get(0).label().in("ps"));
        assertProblems(e -> ((ObjectNode) e.get("title")).put("SD", "x"),
                "title.SD: is not a language: the keys of a text are ISO 639-1 codes, lowercase (en, ur, sd, ps, pa, ...)");
        assertProblems(e -> ((ObjectNode) e.get("title")).put("sd", ""), "title.sd: must be a non-empty string");
    }

    @Test
    void aTextOfTwoLanguagesIsWhatItWasAndOfMakesAnyOther() {
        Text two = new Text("Permit", "اجازت نامہ");
        assertEquals("Permit", two.en());
        assertEquals("اجازت نامہ", two.ur());
        assertEquals("اجازت نامہ", two.in("ur"));
        assertEquals("Permit", two.in("sd"));
        assertEquals(two, Text.of(java.util.Map.of("en", "Permit", "ur", "اجازت نامہ")));
        Text sindhi = Text.of(java.util.Map.of("en", "Permit", "sd", "اجازت نامو"));
        assertEquals("Permit", sindhi.in("ur"), "without Urdu, Urdu falls back to English");
        assertEquals("اجازت نامو", sindhi.in("sd"));
        assertThrows(IllegalArgumentException.class, () -> Text.of(java.util.Map.of("ur", "اجازت نامہ")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Text.of(java.util.Map.of("en", "Permit", "xx", "?")));
        assertTrue(bad.getMessage().contains("ISO 639-1"), bad.getMessage());
    }

    @Test
    void idMustStartWithTheAgencyCode() throws Exception {
        assertProblems(d -> d.put("id", "nadra.building-permit"),
                "id: 'nadra.building-permit' must start with the agency code 'cda.'");
    }

    @Test
    void idShape() throws Exception {
        assertProblems(d -> d.put("id", "CDA/Permit"),
                "id: 'CDA/Permit' is not valid: like nadra.cnic-renewal: agency code, a dot, lowercase words joined by -");
        assertProblems(d -> d.put("id", "cda"),
                "id: 'cda' is not valid: like nadra.cnic-renewal: agency code, a dot, lowercase words joined by -");
        assertProblems(d -> d.remove("id"), "id: is required");
        assertProblems(d -> d.put("id", " "), "id: must be a non-empty string");
    }

    @Test
    void agencyCodeShape() throws Exception {
        assertProblems(d -> ((ObjectNode) d.get("agency")).put("code", "C"),
                "agency.code: 'C' is not valid: 2 to 16 lowercase letters or digits, starting with a letter");
    }

    @Test
    void versionAndBooleansHaveTypes() throws Exception {
        assertProblems(d -> d.put("version", 0), "version: must be a whole number from 1 to 2147483647, not 0");
        assertProblems(d -> d.put("version", 1.5), "version: must be a whole number from 1 to 2147483647, not 1.5");
        assertProblems(d -> d.put("handler", "yes"), "handler: must be true or false, not \"yes\"");
    }

    @Test
    void missingUrduTitle() throws Exception {
        assertProblems(d -> ((ObjectNode) d.get("title")).remove("ur"), "title.ur: is required");
        assertProblems(d -> ((ObjectNode) d.get("title")).put("ur", ""), "title.ur: must be a non-empty string");
        assertProblems(d -> d.put("title", "Building permit"), "title: must be {\"en\": ..., \"ur\": ...}");
    }

    @Test
    void documentsAreTexts() throws Exception {
        assertProblems(d -> ((ArrayNode) d.get("documents")).add("Site plan"), "documents[1]: must be {\"en\": ..., \"ur\": ...}");
    }

    // ---- fees ------------------------------------------------------------------------------------------

    @Test
    void feesEmpty() throws Exception {
        String msg = "fees: must be an array with at least one tier {\"id\", \"title\", \"amount\", \"days\"}";
        assertProblems(d -> d.putArray("fees"), msg);
        assertProblems(d -> d.remove("fees"), msg);
    }

    @Test
    void negativeAmount() throws Exception {
        assertProblems(d -> fee(d, 1).put("amount", -5),
                "fees[1].amount: must be a whole number from 0 to 10000000 rupees, not -5");
        assertProblems(d -> fee(d, 0).put("days", 366),
                "fees[0].days: must be a whole number from 0 to 365 working days, not 366");
    }

    @Test
    void duplicateTierId() throws Exception {
        assertProblems(d -> fee(d, 1).put("id", "normal"), "fees[1].id: 'normal' is used by another tier");
    }

    // ---- form ------------------------------------------------------------------------------------------

    @Test
    void unknownFieldType() throws Exception {
        assertProblems(d -> field(d, 0).put("type", "string"),
                "form[0].type: 'string' is not a field type; use one of " + TYPES);
        assertProblems(d -> field(d, 0).remove("type"), "form[0].type: is required, one of " + TYPES);
    }

    @Test
    void selectWithoutOptions() throws Exception {
        assertProblems(d -> field(d, 2).remove("options"),
                "form[2].options: a select field needs at least one option {\"value\", \"label\"}");
        assertProblems(d -> field(d, 2).putArray("options"),
                "form[2].options: a select field needs at least one option {\"value\", \"label\"}");
    }

    @Test
    void duplicateOptionValue() throws Exception {
        assertProblems(d -> ((ObjectNode) field(d, 2).get("options").get(1)).put("value", "home"),
                "form[2].options[1].value: 'home' is used by another option");
    }

    @Test
    void optionsOnANonSelect() throws Exception {
        assertProblems(d -> field(d, 0).set("options", field(d, 2).get("options").deepCopy()),
                "form[0].options: only a select field has options");
    }

    @Test
    void badRegexPattern() throws Exception {
        assertProblems(d -> field(d, 3).put("pattern", "[0-9"),
                "form[3].pattern: is not a valid regular expression: Unclosed character class");
    }

    @Test
    void minLengthAboveMaxLength() throws Exception {
        assertProblems(d -> field(d, 0).put("minLength", 90), "form[0].minLength: 90 is more than maxLength 80");
        assertProblems(d -> field(d, 1).put("minLength", 201), "form[1].minLength: 201 is more than maxLength 200");
    }

    @Test
    void fieldNumbersInRange() throws Exception {
        assertProblems(d -> field(d, 1).put("maxLength", 0), "form[1].maxLength: must be a whole number from 1 to 10000, not 0");
        assertProblems(d -> field(d, 1).put("minLength", -1), "form[1].minLength: must be a whole number from 0 to 10000, not -1");
        assertProblems(d -> field(d, 0).put("page", 51), "form[0].page: must be a whole number from 1 to 50, not 51");
    }

    @Test
    void duplicateFieldName() throws Exception {
        assertProblems(d -> field(d, 1).put("name", "ownerName"), "form[1].name: 'ownerName' is used by another field");
    }

    @Test
    void fieldNameShape() throws Exception {
        assertProblems(d -> field(d, 0).put("name", "owner-name"),
                "form[0].name: 'owner-name' is not valid: a letter, then letters, digits or _");
    }

    // ---- workflow --------------------------------------------------------------------------------------

    @Test
    void missingWorkflow() throws Exception {
        assertProblems(d -> d.remove("workflow"), "workflow: is required: {\"initial\", \"states\", \"transitions\"}");
    }

    @Test
    void initialNotAState() throws Exception {
        assertProblems(d -> workflow(d).put("initial", "draft"), "workflow.initial: 'draft' is not one of the states");
    }

    @Test
    void transitionToUnknownState() throws Exception {
        assertProblems(d -> transition(d, 1).put("to", "done"), "workflow.transitions[1].to: 'done' is not one of the states");
    }

    @Test
    void transitionListedTwice() throws Exception {
        assertProblems(d -> transitions(d).add(transition(d, 0).deepCopy()),
                "workflow.transitions[3]: the move submitted -> in-review is listed twice");
    }

    @Test
    void noTerminalState() throws Exception {
        assertProblems(d -> {
            for (JsonNode s : workflow(d).get("states")) {
                ((ObjectNode) s).remove("terminal");
            }
        },
                "workflow.states: needs at least one state with \"terminal\": true",
                "workflow.states: 'approved' is not terminal but no move leaves it",
                "workflow.states: 'rejected' is not terminal but no move leaves it");
    }

    @Test
    void moveLeavingATerminalState() throws Exception {
        assertProblems(d -> transitions(d).addObject().put("from", "rejected").put("to", "in-review")
                .set("label", text("Reopen", "دوبارہ کھولیں")),
                "workflow.transitions[3].from: 'rejected' is terminal: no move may leave it");
    }

    @Test
    void nonTerminalStateWithNoWayOut() throws Exception {
        assertProblems(d -> {
            ((ArrayNode) workflow(d).get("states")).addObject().put("id", "on-hold").set("label", text("On hold", "روکا گیا"));
            transitions(d).addObject().put("from", "in-review").put("to", "on-hold").set("label", text("Hold", "روکیں"));
        }, "workflow.states: 'on-hold' is not terminal but no move leaves it");
    }

    @Test
    void duplicateStateId() throws Exception {
        assertProblems(d -> ((ObjectNode) workflow(d).get("states").get(3)).put("id", "approved"),
                "workflow.states[3].id: 'approved' is used by another state",
                "workflow.transitions[2].to: 'rejected' is not one of the states");
    }

    @Test
    void tooFewStatesAndNoMoves() throws Exception {
        assertProblems(d -> {
            workflow(d).putArray("states");
            workflow(d).putArray("transitions");
        },
                "workflow.states: must be an array of at least two states {\"id\", \"label\", \"terminal\"}",
                "workflow.transitions: must be an array of at least one move {\"from\", \"to\", \"label\"}");
    }

    // ---- all problems at once --------------------------------------------------------------------------

    @Test
    void everyProblemIsReportedInOrder() throws Exception {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> Descriptors.parse(new ByteArrayInputStream(resource("many-problems.json")), SOURCE));
        List<String> expected = List.of(
                S + "formatVersion: is 2 but this centre reads format 1",
                S + "agency.name.ur: must be a non-empty string",
                S + "version: must be a whole number from 1 to 2147483647, not 0",
                S + "title.ur: is required",
                S + "fees[0].amount: must be a whole number from 0 to 10000000 rupees, not -1",
                S + "fees[0].days: must be a whole number from 0 to 365 working days, not 400",
                S + "form[0].name: 'Owner' is not valid: a letter, then letters, digits or _",
                S + "form[0].required: must be true or false, not \"yes\"",
                S + "workflow.transitions[0].to: 'finished' is not one of the states",
                S + "handler: must be true or false, not \"no\"");
        assertEquals(expected, e.problems());
        assertEquals(String.join("; ", expected), e.getMessage());
    }

    // ---- inputs that once slipped past the parser -----------------------------------------------------

    @Test
    void trailingContentIsRefused() throws Exception {
        byte[] base = resource("base.json");
        String twice = new String(base, StandardCharsets.UTF_8) + "{}";
        List<String> problems = problems(twice);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(S + "not valid JSON at line "), problems.get(0));
    }

    @Test
    void deepNestingIsADescriptorProblem() throws Exception {
        String deep = "{\"form\": " + "[".repeat(2000);
        assertThrows(DescriptorException.class, () -> Descriptors.parse(
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)), SOURCE));
    }

    @Test
    void badMaxLengthIsReportedOnce() throws Exception {
        assertProblems(d -> field(d, 0).put("maxLength", 0), "form[0].maxLength: must be a whole number from 1 to 10000, not 0");
    }

    // ---- rules -----------------------------------------------------------------------------------------

    @Test
    void rulesAreReadWithTheirFieldsAndMessages() throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(resource("base.json"));
        ArrayNode rules = d.putArray("rules");
        rules.addObject().put("id", "started").put("check", "answers.startDate <= today")
                .set("message", text("The start date cannot be in the future", "آغاز کی تاریخ آئندہ کی نہیں ہو سکتی"));
        ((ObjectNode) rules.get(0)).putArray("fields").add("startDate");
        rules.addObject().put("id", "tall").put("when", "has(answers.floors)").put("check", "answers.floors <= 40")
                .set("message", text("At most 40 floors", "زیادہ سے زیادہ 40 منزلیں"));
        ServiceDescriptor parsed = parse(JSON.writeValueAsBytes(d));
        assertEquals(2, parsed.rules().size());
        Rule first = parsed.rules().get(0);
        assertEquals("started", first.id());
        assertNull(first.when(), "no when: the rule always applies");
        assertEquals("answers.startDate <= today", first.check());
        assertEquals(List.of("startDate"), first.fields());
        assertEquals("startDate", first.field());
        assertEquals("آغاز کی تاریخ آئندہ کی نہیں ہو سکتی", first.message().ur());
        Rule second = parsed.rules().get(1);
        assertEquals("has(answers.floors)", second.when());
        assertEquals(List.of(), second.fields());
        assertNull(second.field(), "no fields: the message belongs to the whole submission");
    }

    @Test
    void aDescriptorWithoutRulesHasAnEmptyList() throws Exception {
        assertEquals(List.of(), parse(resource("base.json")).rules());
        assertEquals(List.of(), parse(resource("minimal.json")).rules());
    }

    @Test
    void ruleShapeIsChecked() throws Exception {
        assertProblems(d -> d.put("rules", "age >= 18"),
                "rules: must be an array of rules {\"id\", \"check\", \"fields\", \"message\"}");
        assertProblems(d -> d.putArray("rules").addObject().put("id", "Adult!").put("check", " ").put("if", "x")
                        .putArray("fields").add("dateOfBirth").add(3),
                "rules[0].if: is not a descriptor field (allowed here: id, when, check, fields, message)",
                "rules[0].id: 'Adult!' is not valid: a lowercase word such as adult or expiry-window",
                "rules[0].check: must be a non-empty string",
                "rules[0].fields[0]: 'dateOfBirth' is not a field of the form",
                "rules[0].fields[1]: must be a form field name",
                "rules[0].message: is required: {\"en\": ..., \"ur\": ...}");
        assertProblems(d -> {
            ArrayNode rules = d.putArray("rules");
            for (int i = 0; i < 2; i++) {
                ObjectNode r = rules.addObject().put("id", "same").put("check", "true");
                r.set("message", text("m", "م"));
                r.putArray("fields").add("floors").add("floors");
            }
        }, "rules[0].fields[1]: 'floors' is listed twice", "rules[1].id: 'same' is used by another rule",
                "rules[1].fields[1]: 'floors' is listed twice");
    }

    @Test
    void ruleExpressionsAndCountAreBounded() throws Exception {
        String longest = "1 == 1" + " ".repeat(RulesReader.MAX_EXPRESSION_CHARS - 6);
        assertProblems(d -> d.putArray("rules").addObject().put("id", "long").put("check", longest + " ")
                        .set("message", text("m", "م")),
                "rules[0].check: is 1001 characters long; an expression may have at most 1000 (split the rule in two)");
        ObjectNode ok = (ObjectNode) JSON.readTree(resource("base.json"));
        ok.putArray("rules").addObject().put("id", "long").put("check", longest).set("message", text("m", "م"));
        assertEquals(1, parse(JSON.writeValueAsBytes(ok)).rules().size(), "exactly the longest is accepted");
        assertProblems(d -> {
            ArrayNode rules = d.putArray("rules");
            for (int i = 0; i <= RulesReader.MAX_RULES; i++) {
                rules.addObject().put("id", "r" + i).put("check", "true").set("message", text("m", "م"));
            }
        }, "rules: has 51 rules; a descriptor may carry at most 50");
    }

    @Test
    void codeBuiltAgainstTheDescriptorWithoutRulesStillLinks() throws Exception {
        ServiceDescriptor d = parse(resource("base.json"));
        ServiceDescriptor old = new ServiceDescriptor(d.id(), d.version(), d.agency(), d.category(), d.title(), d.summary(),
                d.eligibility(), d.documents(), d.fees(), d.form(), d.workflow(), d.handler(), d.source());
        assertEquals(d, old);
        assertEquals(List.of(), old.rules());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DescriptorsTest.class.getResourceAsStream("/descriptors/" + name)) {
            if (in == null) {
                throw new IOException("no test resource descriptors/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static ServiceDescriptor parse(byte[] json) throws Exception {
        return Descriptors.parse(new ByteArrayInputStream(json), SOURCE);
    }

    private static List<String> problems(String text) throws IOException {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] json) throws IOException {
        try {
            ServiceDescriptor d = Descriptors.parse(new ByteArrayInputStream(json), SOURCE);
            return fail("expected problems, but parsed " + d.id());
        } catch (DescriptorException e) {
            return e.problems();
        }
    }

    /** Applies one edit to a fresh copy of base.json and checks the full list of problems. */
    private static void assertProblems(Consumer<ObjectNode> edit, String... expected) throws IOException {
        ObjectNode d = (ObjectNode) JSON.readTree(resource("base.json"));
        edit.accept(d);
        List<String> want = java.util.Arrays.stream(expected).map(p -> S + p).toList();
        assertEquals(want, problems(JSON.writeValueAsBytes(d)));
    }

    private static ObjectNode fee(ObjectNode d, int i) {
        return (ObjectNode) d.get("fees").get(i);
    }

    private static ObjectNode field(ObjectNode d, int i) {
        return (ObjectNode) d.get("form").get(i);
    }

    private static ObjectNode workflow(ObjectNode d) {
        return (ObjectNode) d.get("workflow");
    }

    private static ArrayNode transitions(ObjectNode d) {
        return (ArrayNode) workflow(d).get("transitions");
    }

    private static ObjectNode transition(ObjectNode d, int i) {
        return (ObjectNode) transitions(d).get(i);
    }

    private static ObjectNode text(String en, String ur) {
        return JSON.createObjectNode().put("en", en).put("ur", ur);
    }
}
