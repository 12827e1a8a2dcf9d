package org.khidmat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of mistake an agency makes, and the words the centre uses for it when it refuses the bundle
 * (the descriptor lines are those of Descriptors.parse and BundleDescriptors, the code the centre runs).
 */
class AgencyBundleCheckTest {
    private static final String OK = Bundles.descriptor("acme.permit");

    @TempDir
    Path temp;

    @Test
    void aGoodBundleIsValidAsAFolderAndAsAJar() {
        Bundles b = Bundles.bundle().descriptor("permit", OK).descriptor("renewal", Bundles.descriptor("acme.renewal"));
        for (Path p : List.of(b.folder(temp.resolve("classes")), b.jar(temp.resolve("acme.jar")))) {
            AgencyBundleCheck check = AgencyBundleCheck.of(p).assertValid();
            assertEquals(List.of("acme.permit", "acme.renewal"), check.serviceIds());
            assertEquals("bundle org.acme.permits 1.2.0", check.label());
            assertEquals(List.of(), check.problems());
        }
    }

    static Stream<Arguments> descriptorMistakes() {
        return Stream.of(
                Arguments.of("not JSON", "{ \"id\": ", "services/svc.json: not valid JSON at line 1, column 9: Unexpected end-of-input within/between Object entries"),
                Arguments.of("a typo in a key", OK.replace("\"summary\"", "\"sumary\""),
                        "services/svc.json: sumary: is not a descriptor field (allowed here: formatVersion, id, version, agency, category, title, summary, eligibility, documents, fees, form, workflow, handler, rules)"),
                Arguments.of("a negative fee", OK.replace("\"amount\": 100", "\"amount\": -5"),
                        "services/svc.json: fees[0].amount: must be a whole number from 0 to 10000000 rupees, not -5"),
                Arguments.of("an id of another agency", OK.replace("\"acme.permit\"", "\"nadra.permit\""),
                        "services/svc.json: id: 'nadra.permit' must start with the agency code 'acme.'"),
                Arguments.of("Urdu missing", OK.replace("\"title\": {\"en\": \"Permit\", \"ur\": \"اجازت نامہ\"}", "\"title\": {\"en\": \"Permit\"}"),
                        "services/svc.json: title.ur: is required"),
                Arguments.of("an unknown field type", OK.replace("\"type\": \"date\"", "\"type\": \"datetime\""),
                        "services/svc.json: form[1].type: 'datetime' is not a field type; use one of text, textarea, cnic, date, select, phone, email, number"),
                Arguments.of("a broken pattern", OK.replace("\"required\": true}]", "\"required\": true, \"pattern\": \"[0-9\"}]"),
                        "services/svc.json: form[1].pattern: is not a valid regular expression: Unclosed character class"),
                Arguments.of("options on a text field", OK.replace("\"type\": \"date\"", "\"type\": \"text\", \"options\": []"),
                        "services/svc.json: form[1].options: only a select field has options"),
                Arguments.of("a move out of a terminal state", OK.replace("\"to\": \"done\", \"label\": {\"en\": \"Finish\", \"ur\": \"مکمل کریں\"}}",
                        "\"to\": \"done\", \"label\": {\"en\": \"Finish\", \"ur\": \"مکمل کریں\"}}, {\"from\": \"done\", \"to\": \"submitted\", \"label\": {\"en\": \"Reopen\", \"ur\": \"دوبارہ کھولیں\"}}"),
                        "services/svc.json: workflow.transitions[1].from: 'done' is terminal: no move may leave it"),
                Arguments.of("no terminal state", OK.replace(", \"terminal\": true", ""),
                        "services/svc.json: workflow.states: needs at least one state with \"terminal\": true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptorMistakes")
    void eachDescriptorMistakeIsReportedAsTheCentreReportsIt(String what, String json, String expected) {
        AgencyBundleCheck check = AgencyBundleCheck.of(Bundles.bundle().descriptor("svc", json).folder(temp));
        assertEquals(expected, check.problems().get(0), "all: " + check.problems());
        AssertionError e = assertThrows(AssertionError.class, check::assertValid);
        assertEquals("bundle org.acme.permits 1.2.0 has invalid service descriptors: " + String.join("; ", check.problems()),
                e.getMessage());
    }

    @Test
    void everyProblemOfEveryDescriptorIsListedNotJustTheFirst() {
        AgencyBundleCheck check = AgencyBundleCheck.of(Bundles.bundle()
                .descriptor("a", OK.replace("\"days\": 3", "\"days\": 400"))
                .descriptor("b", Bundles.descriptor("acme.other").replace("\"version\": 1", "\"version\": 0")).folder(temp));
        assertEquals(List.of("services/a.json: fees[0].days: must be a whole number from 0 to 365 working days, not 400",
                "services/b.json: version: must be a whole number from 1 to 2147483647, not 0"), check.problems());
    }

    @Test
    void headerMistakesUseTheCentresWords() {
        assertEquals(List.of("Khidmat-Services names services/missing.json but the bundle has no such file"),
                AgencyBundleCheck.of(Bundles.bundle().header("Khidmat-Services", "services/permit.json, /services/missing.json")
                        .descriptor("permit", OK).folder(temp.resolve("a"))).problems());
        assertEquals(List.of("Khidmat-Services names folder descriptors/ but it holds no .json descriptor"),
                AgencyBundleCheck.of(Bundles.bundle().header("Khidmat-Services", "descriptors/")
                        .descriptor("permit", OK).folder(temp.resolve("b"))).problems());
        assertEquals(List.of("Khidmat-Services header names no descriptor"),
                AgencyBundleCheck.of(Bundles.bundle().header("Khidmat-Services", " , ").folder(temp.resolve("c"))).problems());
    }

    @Test
    void aFolderIsReadFlatAndInNameOrder() {
        AgencyBundleCheck check = AgencyBundleCheck.of(Bundles.bundle().descriptor("b", Bundles.descriptor("acme.bee"))
                .descriptor("a", Bundles.descriptor("acme.ant")).file("services/old/c.json", "not even json").folder(temp));
        assertEquals(List.of("acme.ant", "acme.bee"), check.assertValid().serviceIds());
    }

    @Test
    void aBundleWithoutTheHeaderOrWithoutAManifestIsCaught() {
        assertEquals(List.of("bundle org.acme.permits 1.2.0 has no Khidmat-Services header, so the centre deploys it but lists none"
                + " of its services (write \"Khidmat-Services: services/\" in bnd.bnd)"),
                AgencyBundleCheck.of(Bundles.bundle().header("Khidmat-Services", null).descriptor("p", OK).folder(temp.resolve("a"))).problems());
        assertEquals(List.of("the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName (build it with bnd-maven-plugin or maven-bundle-plugin)"),
                AgencyBundleCheck.of(Bundles.bundle().header("Bundle-SymbolicName", null).folder(temp.resolve("b"))).problems());
        assertEquals(1, AgencyBundleCheck.of(temp.resolve("c").toFile().mkdirs() ? temp.resolve("c") : temp.resolve("c")).problems().size());
    }

    @Test
    void twoDescriptorsWithOneIdAreCaught() {
        assertEquals(List.of("services/b.json: id 'acme.permit' is declared by another descriptor of this bundle"),
                AgencyBundleCheck.of(Bundles.bundle().descriptor("a", OK).descriptor("b", OK).folder(temp)).problems());
    }

    @Test
    void oneBundleServesOneAgency() {
        assertEquals(List.of("services/b.json: agency code 'other' differs from 'acme' in services/a.json; one bundle serves one agency"),
                AgencyBundleCheck.of(Bundles.bundle().descriptor("a", OK).descriptor("b", Bundles.descriptor("other.permit"))
                        .folder(temp)).problems());
    }

    @Test
    void aHandlerTrueDescriptorNeedsAHandlerComponent() {
        String withHandler = Bundles.descriptor("acme.permit", "acme", ", \"handler\": true");
        assertEquals(List.of("bundle org.acme.permits 1.2.0 declares \"handler\": true for acme.permit but registered no ServiceHandler with "
                + "khidmat.service.id=acme.permit (no component in OSGI-INF provides org.khidmat.api.ServiceHandler with that property),"
                + " so the centre refuses the deploy"),
                AgencyBundleCheck.of(Bundles.bundle().descriptor("p", withHandler).folder(temp.resolve("a"))).problems());
        AgencyBundleCheck good = AgencyBundleCheck.of(Bundles.bundle().descriptor("p", withHandler)
                .handler("org.acme.internal.PermitRules", "acme.permit").folder(temp.resolve("b"))).assertValid();
        assertEquals(List.of("acme.permit"), good.handlers().get(0).serviceIds());
    }

    @Test
    void aWildcardServiceComponentHeaderIsFollowed() {
        Path dir = Bundles.bundle().descriptor("p", Bundles.descriptor("acme.permit", "acme", ", \"handler\": true"))
                .handler("org.acme.internal.PermitRules", "acme.permit").header("Service-Component", "OSGI-INF/*.xml")
                .folder(temp);
        assertEquals("org.acme.internal.PermitRules", AgencyBundleCheck.of(dir).assertValid().handlers().get(0).implementation());
    }

    @Test
    void aHandlerForNothingOrForADescriptorThatDoesNotWaitForItIsCaught() {
        assertEquals(List.of("component org.acme.internal.Lost handles acme.lost but the bundle declares no such service (ids: acme.permit)"),
                AgencyBundleCheck.of(Bundles.bundle().descriptor("p", OK).handler("org.acme.internal.Lost", "acme.lost")
                        .folder(temp.resolve("a"))).problems());
        assertEquals(List.of("component org.acme.internal.PermitRules handles acme.permit but services/p.json lacks \"handler\": true,"
                + " so the centre does not wait for the handler when it deploys"),
                AgencyBundleCheck.of(Bundles.bundle().descriptor("p", OK).handler("org.acme.internal.PermitRules", "acme.permit")
                        .folder(temp.resolve("b"))).problems());
    }
}
