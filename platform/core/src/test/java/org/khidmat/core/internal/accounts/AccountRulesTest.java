package org.khidmat.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Role;

/** A new account's every problem at once, an agency the centre must have, and no admin disabling themself. */
class AccountRulesTest {
    private final List<String> audit = new ArrayList<>();
    private final AccountService accounts = AccountServiceTest.service(new AccountServiceTest.MemoryStore(audit),
            new AccountServiceTest.ListAudit(audit), new AccountServiceTest.MovableClock(), 1_000);

    {
        accounts.certified(code -> code.equals("nadra"));
    }

    @Test
    void everyProblemOfANewAccountIsReportedAtItsField() {
        List<Problem> p = accounts.check("X!", "short".toCharArray(), Role.AGENCY, "nosuch");
        assertEquals(List.of("username", "password", "agency"), p.stream().map(Problem::field).toList());
        assertTrue(p.get(2).en().contains("no agency nosuch"), p.get(2).en());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> accounts.create("X!", "short".toCharArray(), Role.AGENCY, "nosuch", "admin"));
        assertTrue(e.getMessage().contains("username") && e.getMessage().contains("12 characters")
                && e.getMessage().contains("nosuch"), e.getMessage());
        assertEquals(List.of(), audit, "nothing was made");
    }

    @Test
    void anAgencyAccountNeedsAnAgencyTheCentreHas() {
        assertThrows(IllegalArgumentException.class, () -> accounts.create("ghost", "a-long-password".toCharArray(), Role.AGENCY,
                "ghost", "admin"));
        assertEquals(List.of(), accounts.check("sara", "a-long-password".toCharArray(), Role.AGENCY, "nadra"));
        accounts.create("sara", "a-long-password".toCharArray(), Role.AGENCY, "nadra", "admin");
        accounts.create("alpha-staff", "a-long-password".toCharArray(), Role.AGENCY, "alpha", true, "admin");
        assertEquals("admin account.create alpha-staff AGENCY of alpha (an agency new to the centre)", audit.get(audit.size() - 1));
    }

    @Test
    void anAdminCannotDisableTheirOwnAccountButAnotherAdminCan() {
        accounts.create("amna", "a-long-password".toCharArray(), Role.ADMIN, null, "admin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> accounts.setEnabled("amna", false, "amna"));
        assertTrue(e.getMessage().contains("your own account"), e.getMessage());
        assertTrue(accounts.find("amna").orElseThrow().enabled());
        accounts.setEnabled("amna", false, "admin");
        assertTrue(!accounts.find("amna").orElseThrow().enabled());
    }
}
