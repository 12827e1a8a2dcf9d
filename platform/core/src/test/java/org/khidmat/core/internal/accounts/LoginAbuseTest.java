package org.khidmat.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.Role;

/**
 * Holes found from outside in logging in: every failed or throttled try wrote an audit row holding the username at
 * any length (300 tries grew the database by 35 MB), and 50 failures from one address locked every account there out,
 * admin included, so anyone behind an office's NAT could keep its staff out.
 */
class LoginAbuseTest {
    private final AccountServiceTest.MovableClock clock = new AccountServiceTest.MovableClock();
    private final List<String> audit = new ArrayList<>();
    private final AccountServiceTest.MemoryStore store = new AccountServiceTest.MemoryStore(audit);
    private final AccountService accounts = AccountServiceTest.service(store, new AccountServiceTest.ListAudit(audit), clock, 1_000);

    {
        accounts.certified(code -> true);
    }

    private static char[] pw() {
        return "a long enough secret".toCharArray();
    }

    @Test
    void aHugeUsernameIsBoundedBeforeItIsUsedAnywhere() {
        String huge = "x".repeat(100_000);
        LoginResult r = accounts.login(huge, "whatever it is".toCharArray(), "6.6.6.6");
        assertFalse(r.ok());
        assertEquals("Wrong username or password", r.message());
        int longest = audit.stream().mapToInt(String::length).max().orElse(0);
        assertTrue(longest < 200, "the audit row holds a bounded name, not 100,000 characters: " + longest);
    }

    @Test
    void throttledTriesAreAuditedInAggregateNotOneRowEach() {
        accounts.create("sara", pw(), Role.OPERATOR, null, "admin");
        audit.clear();
        for (int i = 0; i < 300; i++) {
            accounts.login("sara", ("guess " + i + " of many").toCharArray(), "6.6.6.6");
        }
        long failures = audit.stream().filter(l -> l.contains("login.failure")).count();
        long throttled = audit.stream().filter(l -> l.contains("login.throttled")).count();
        assertEquals(LoginThrottle.FREE_TRIES + 1, failures, "the tries that were checked: " + audit);
        assertTrue(throttled >= 1 && throttled <= 2, "the held-back tries in one row, not " + throttled);
        clock.advance(Duration.ofMinutes(2));
        accounts.login("sara", "yet another guess".toCharArray(), "6.6.6.6");
        assertTrue(audit.stream().anyMatch(l -> l.contains("login.throttled") && l.matches(".*\\b29[0-9] tries.*")),
                "the count of held-back tries is written: " + audit);
    }

    @Test
    void failuresFromOneAddressDoNotLockOutANameThatHasNotFailedThere() {
        accounts.create("admin", pw(), Role.ADMIN, null, "system");
        accounts.create("sara", pw(), Role.OPERATOR, null, "admin");
        for (int i = 0; i < 200; i++) {
            accounts.login("name" + i, "some guess here".toCharArray(), "10.1.1.1");
        }
        assertTrue(accounts.login("name7", "some guess here".toCharArray(), "10.1.1.1").retryAfterSeconds() > 0,
                "a name that failed there is held back with the address");
        assertTrue(accounts.login("admin", pw(), "10.1.1.1").ok(), "the admin behind the same NAT still logs in");
        assertTrue(accounts.login("sara", pw(), "10.1.1.1").ok(), "and so does sara");
        LoginResult guess = accounts.login("sara", "a guess at sara".toCharArray(), "10.1.1.1");
        assertFalse(guess.ok());
        LoginResult next = accounts.login("sara", "another guess!!".toCharArray(), "10.1.1.1");
        assertTrue(next.retryAfterSeconds() > 0, "once a name has failed there, the address's hold applies to it: " + next);
    }
}
