package org.khidmat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;

class ServiceHandlerCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final ServiceHandler ADULTS = s -> LocalDate.parse(s.answer("dateOfBirth")).plusYears(18).isAfter(s.today())
            ? List.of(Problem.of("dateOfBirth", "You must be 18 or over", "عمر 18 سال یا زائد ہونی چاہیے"))
            : List.of();

    @TempDir
    Path temp;
    private Path bundle;

    @BeforeEach
    void bundle() {
        bundle = Bundles.bundle().descriptor("p", Bundles.descriptor("acme.permit", "acme", ", \"handler\": true"))
                .handler("org.acme.internal.PermitRules", "acme.permit").folder(temp);
    }

    @Test
    void acceptsAndRefusesLikeTheCentreCallsIt() {
        ServiceHandlerCheck check = ServiceHandlerCheck.of(bundle, "acme.permit", ADULTS);
        check.assertAccepts("normal", Map.of("dateOfBirth", "2008-11-21"), TODAY);
        List<Problem> p = check.assertRefuses("dateOfBirth", "urgent", Map.of("dateOfBirth", "2008-11-22"), TODAY);
        assertEquals("You must be 18 or over", p.get(0).en());
        AssertionError e = assertThrows(AssertionError.class, () -> check.assertAccepts("normal", Map.of("dateOfBirth", "2010-01-01"), TODAY));
        assertEquals("acme.permit should accept {dateOfBirth=2010-01-01} but says: [dateOfBirth: You must be 18 or over]", e.getMessage());
    }

    @Test
    void aSubmissionTheCentreWouldNeverSendIsRefusedBeforeTheHandlerRuns() {
        ServiceHandlerCheck check = ServiceHandlerCheck.of(bundle, "acme.permit", ADULTS);
        assertEquals("tier executive is not one the centre would pass; acme.permit has tiers normal, urgent",
                assertThrows(AssertionError.class, () -> check.check("executive", Map.of("dateOfBirth", "1990-01-01"), TODAY)).getMessage());
        assertEquals("answer birthDate is not a field of acme.permit's form",
                assertThrows(AssertionError.class, () -> check.check("normal", Map.of("birthDate", "1990-01-01"), TODAY)).getMessage());
    }

    @Test
    void aHandlerThatBreaksTheContractIsCaught() {
        assertEquals("problem 'dob: Too young' names field dob, which acme.permit's form does not have; use a field name or null;"
                + " problem 'dob: Too young' has no Urdu text; citizens reading Urdu would see English",
                assertThrows(AssertionError.class, () -> ServiceHandlerCheck.of(bundle, "acme.permit", s -> List.of(Problem.of("dob", "Too young", null)))
                        .check("normal", Map.of(), TODAY)).getMessage());
        assertThrows(AssertionError.class, () -> ServiceHandlerCheck.of(bundle, "acme.permit", s -> null).check("normal", Map.of(), TODAY));
    }

    @Test
    void aDescriptorWithoutHandlerTrueOrAnUnknownIdIsCaught() {
        Path plain = Bundles.bundle().descriptor("p", Bundles.descriptor("acme.permit")).folder(temp.resolve("plain"));
        assertEquals("services/p.json lacks \"handler\": true, so the centre never calls a handler for acme.permit",
                assertThrows(AssertionError.class, () -> ServiceHandlerCheck.of(plain, "acme.permit", ADULTS)).getMessage());
        assertEquals("bundle org.acme.permits 1.2.0 declares no service acme.nothing (ids: [acme.permit])",
                assertThrows(AssertionError.class, () -> ServiceHandlerCheck.of(bundle, "acme.nothing", ADULTS)).getMessage());
    }
}
