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
import org.khidmat.api.platform.Session;
import org.khidmat.core.internal.SharedMemory;

/** Two account services over one shared state stand for two nodes behind a balancer that does not stick. */
class TwoNodeAccountsTest {
    private final AccountServiceTest.MovableClock clock = new AccountServiceTest.MovableClock();
    private final List<String> audit = new ArrayList<>();
    private final AccountServiceTest.MemoryStore store = new AccountServiceTest.MemoryStore(audit);
    private final SharedMemory db = new SharedMemory(clock);
    private final AccountService nodeA = node();
    private final AccountService nodeB = node();

    private AccountService node() {
        return new AccountService(store, new AccountServiceTest.ListAudit(audit), db.sessions(), db.throttles(), clock,
                1_000);
    }

    private static char[] pw() {
        return "a long enough password".toCharArray();
    }

    @Test
    void aSessionOpenedOnOneNodeServesOnTheOtherAndALogoutThereEndsIt() {
        nodeA.create("sara", pw(), Role.OPERATOR, null, "admin");
        Session s = nodeA.login("sara", pw(), "10.0.0.1").session();
        Session onB = nodeB.session(s.id()).orElseThrow();
        assertEquals("sara", onB.account().username());
        assertEquals(s.csrf(), onB.csrf(), "the CSRF token is the session's on every node");
        assertFalse(db.sessions.containsKey(s.id()), "the id itself is not stored");
        assertFalse(db.sessions.values().stream().anyMatch(x -> x.idHash().equals(s.id())));
        nodeB.logout(s.id());
        assertTrue(nodeA.session(s.id()).isEmpty(), "logged out on B, gone on A");
    }

    @Test
    void disablingAnAccountOnOneNodeEndsItsSessionsOnEveryNode() {
        nodeA.create("sara", pw(), Role.OPERATOR, null, "admin");
        nodeA.create("boss", pw(), Role.ADMIN, null, "admin");
        Session s1 = nodeA.login("sara", pw(), "10.0.0.1").session();
        Session s2 = nodeB.login("sara", pw(), "10.0.0.2").session();
        nodeB.setEnabled("sara", false, "boss");
        nodeB.setEnabled("sara", true, "boss");
        assertTrue(nodeA.session(s1.id()).isEmpty(), "closeAll reached node A's session");
        assertTrue(nodeA.session(s2.id()).isEmpty());
        assertTrue(db.sessions.isEmpty());
    }

    @Test
    void aRequestWritesTheSessionAtMostOnceAMinuteAndIdleTimeCountsOnEveryNode() {
        nodeA.create("sara", pw(), Role.OPERATOR, null, "admin");
        Session s = nodeA.login("sara", pw(), "10.0.0.1").session();
        int afterLogin = db.sessionWrites.get();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(2));
            assertTrue((i % 2 == 0 ? nodeA : nodeB).session(s.id()).isPresent());
        }
        assertEquals(afterLogin, db.sessionWrites.get(), "40 s of requests: no write");
        clock.advance(Duration.ofSeconds(21));
        assertTrue(nodeB.session(s.id()).isPresent());
        assertEquals(afterLogin + 1, db.sessionWrites.get(), "a minute after the last write: one write");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(nodeA.session(s.id()).isPresent(), "B's request restarted the idle time for A too");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(nodeB.session(s.id()).isEmpty(), "idle for 31 minutes: gone");
    }

    @Test
    void loginFailuresCountAcrossNodesSoRoundRobinDoesNotMultiplyTheFreeTries() {
        nodeA.create("sara", pw(), Role.OPERATOR, null, "admin");
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            LoginResult r = (i % 2 == 0 ? nodeA : nodeB).login("sara", ("guess " + i + " is wrong").toCharArray(), "6.6.6.6");
            assertFalse(r.ok());
        }
        LoginResult onA = nodeA.login("sara", "another wrong guess".toCharArray(), "6.6.6.6");
        assertTrue(onA.retryAfterSeconds() >= 2, "the sixth failure, whichever node, waits: " + onA);
        LoginResult onB = nodeB.login("sara", pw(), "6.6.6.6");
        assertFalse(onB.ok(), "node B holds the address back too");
        assertTrue(onB.message().startsWith("Too many failed logins"), onB.message());
        assertTrue(nodeB.login("sara", pw(), "10.0.0.1").ok(), "the real user elsewhere is let in");
    }
}
