package org.khidmat.distribution.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.khidmat.distribution.ThrowingActivator;

/**
 * Fault 11: a readable bundle refused for any reason is named by what it claimed to be, both in the JSON verdict
 * and as the subject of the audit log's bundle.refuse row, so an operator can find who sent it.
 */
class RefusalSubjectIT {
    @TempDir
    Path temp;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an invalid descriptor", (BiFunction<String, String, byte[]>) FaultBundles::badDescriptor),
                Arguments.of("an unsafe entry path", (BiFunction<String, String, byte[]>) FaultBundles::unsafePath),
                Arguments.of("a failed start", (BiFunction<String, String, byte[]>) (bsn, id) -> FaultBundles.valid(bsn, id)
                        .activator(ThrowingActivator.class).bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedBundleIsNamedByWhatItClaimed(String why, BiFunction<String, String, byte[]> jar) throws Exception {
        String claimed = "org.fault.claimed." + why.replaceAll("[^a-z]", "");
        try (FaultCentre fc = FaultCentre.start(temp)) {
            HttpResponse<String> r = fc.admin().upload(jar.apply(claimed, "fault.claimed"));
            System.out.println("refusal subject, " + why + ": " + r.statusCode() + " " + r.body());
            List<String> subjects = new ArrayList<>();
            for (JsonNode e : fc.admin().audit("bundle.refuse")) {
                if (e.path("action").asText().equals("bundle.refuse")) {
                    subjects.add(e.path("subject").asText());
                }
            }
            assertAll("the refusal of " + why,
                    () -> assertEquals(422, r.statusCode(), r.body()),
                    () -> assertEquals(claimed, FaultCentre.verdict(r).path("symbolicName").asText(), r.body()),
                    () -> assertTrue(subjects.contains(claimed), "bundle.refuse subjects: " + subjects));
            fc.assertNothingLeftOf(claimed);
            fc.assertCleanRestart();
        }
    }
}
