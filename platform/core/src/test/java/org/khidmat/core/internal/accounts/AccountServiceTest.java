package org.khidmat.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import org.khidmat.core.internal.SharedMemory;

class AccountServiceTest {
    private final MovableClock clock = new MovableClock();
    private final List<String> audit = new ArrayList<>();
    private final MemoryStore store = new MemoryStore(audit);
    private final SharedMemory shared = new SharedMemory(clock);
    private final AccountService accounts = service(store, new ListAudit(audit), clock, 1_000);

    /** A service over its own shared state (one node alone). */
    static AccountService service(AccountStore store, AuditLog audit, Clock clock, int iterations) {
        SharedMemory db = new SharedMemory(clock);
        return new AccountService(store, audit, db.sessions(), db.throttles(), clock, iterations);
    }

    {
        accounts.certified(code -> code.equals("nadra"));
    }

    @Test
    void passwordsAreStoredAsSaltedPbkdf2HashesWithTheProductionWorkFactorByDefault() {
        String h1 = new PasswordHash(PasswordHash.ITERATIONS).hash("correct horse battery".toCharArray());
        String h2 = new PasswordHash(PasswordHash.ITERATIONS).hash("correct horse battery".toCharArray());
        assertTrue(h1.startsWith("pbkdf2-sha256$600000$"), h1);
        assertNotEquals(h1, h2, "a fresh salt every time");
        assertTrue(PasswordHash.matches("correct horse battery".toCharArray(), h1));
        assertFalse(PasswordHash.matches("correct horse batterY".toCharArray(), h1));
        assertFalse(PasswordHash.matches("x".toCharArray(), "md5$abc"));
    }

    @Test
    void createRefusesBadInputWithTheFix() {
        assertEquals("a username is 3 to 32 lowercase letters, digits, dots or dashes", assertThrows(
                IllegalArgumentException.class, () -> accounts.create("A B", pw(), Role.ADMIN, null, "t")).getMessage());
        assertEquals("a password needs at least 12 characters", assertThrows(IllegalArgumentException.class,
                () -> accounts.create("sara", "short".toCharArray(), Role.ADMIN, null, "t")).getMessage());
        assertEquals("an agency account needs the agency's code, like nadra", assertThrows(IllegalArgumentException.class,
                () -> accounts.create("sara", pw(), Role.AGENCY, null, "t")).getMessage());
        accounts.create("sara", pw(), Role.AGENCY, "nadra", "admin");
        assertEquals("the username sara is taken", assertThrows(IllegalArgumentException.class,
                () -> accounts.create("sara", pw(), Role.ADMIN, null, "t")).getMessage());
        assertEquals(List.of("admin account.create sara AGENCY of nadra"), audit);
    }

    @Test
    void loginOpensANewSessionEachTimeAndWrongPasswordsSayTheSameAsUnknownNames() {
        accounts.create("sara", pw(), Role.OPERATOR, null, "admin");
        LoginResult first = accounts.login("sara", pw(), "10.0.0.1");
        LoginResult second = accounts.login("Sara ", pw(), "10.0.0.1");
        assertTrue(first.ok() && second.ok());
        assertNotEquals(first.session().id(), second.session().id(), "the session id changes at every login");
        assertNotEquals(first.session().csrf(), first.session().id());
        assertEquals("Wrong username or password", accounts.login("sara", "wrong password!".toCharArray(), "10.0.0.1").message());
        assertEquals("Wrong username or password", accounts.login("nobody", pw(), "10.0.0.1").message());
    }

    @Test
    void repeatedFailuresAreSlowedForThatAddressButNotForTheRealUserElsewhere() {
        accounts.create("sara", pw(), Role.OPERATOR, null, "admin");
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            LoginResult r = accounts.login("sara", ("guess number " + i).toCharArray(), "6.6.6.6");
            assertFalse(r.ok());
            assertEquals(0, r.retryAfterSeconds(), "the first " + LoginThrottle.FREE_TRIES + " tries are free");
        }
        LoginResult held = accounts.login("sara", "another guess!!".toCharArray(), "6.6.6.6");
        assertTrue(held.retryAfterSeconds() >= 2, "the sixth failure waits: " + held);
        LoginResult right = accounts.login("sara", pw(), "6.6.6.6");
        assertFalse(right.ok(), "even the right password waits its turn from that address");
        assertTrue(right.message().startsWith("Too many failed logins. Try again in "), right.message());
        assertTrue(accounts.login("sara", pw(), "10.0.0.1").ok(), "the real user at her counter is not locked out");
        clock.advance(Duration.ofSeconds(3));
        assertTrue(accounts.login("sara", pw(), "6.6.6.6").ok(), "after the wait the right password works");
        assertTrue(audit.contains("sara login.throttled sara from 6.6.6.6, 1 try held back, wait 2 s"), audit.toString());
    }

    @Test
    void sessionsExpireWhenIdleAndEndWhenTheAccountIsDisabled() {
        accounts.create("sara", pw(), Role.OPERATOR, null, "admin");
        Session s = accounts.login("sara", pw(), "10.0.0.1").session();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.session(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(accounts.session(s.id()).isPresent(), "each request restarts the idle time");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(accounts.session(s.id()).isEmpty(), "idle for 31 minutes: gone");

        Session again = accounts.login("sara", pw(), "10.0.0.1").session();
        accounts.setEnabled("sara", false, "admin");
        assertTrue(accounts.session(again.id()).isEmpty());
        assertFalse(accounts.login("sara", pw(), "10.0.0.1").ok(), "a disabled account cannot log in");
    }

    @Test
    void tokensAreShownOnceStoredHashedAndRevocable() {
        accounts.create("ci-nadra", pw(), Role.AGENCY, "nadra", "admin");
        String token = accounts.issueToken("ci-nadra", "NADRA pipeline", "admin");
        assertTrue(token.startsWith("kh_") && token.length() > 40, token);
        assertFalse(store.tokens.values().stream().anyMatch(t -> t.hash().equals(token) || t.token().id().equals(token)));
        assertEquals("ci-nadra", accounts.byToken(token).orElseThrow().username());
        assertTrue(accounts.byToken(token + "x").isEmpty());
        String id = accounts.tokens("ci-nadra").get(0).id();
        assertTrue(accounts.revokeToken(id, "admin"));
        assertTrue(accounts.byToken(token).isEmpty());
        String other = accounts.issueToken("ci-nadra", "second", "admin");
        accounts.setEnabled("ci-nadra", false, "admin");
        assertTrue(accounts.byToken(other).isEmpty(), "a disabled account's tokens stop working");
    }

    @Test
    void aWeakerOldHashIsUpgradedAtLogin() {
        AccountService old = service(store, new ListAudit(audit), clock, 500);
        old.create("sara", pw(), Role.ADMIN, null, "admin");
        assertTrue(store.accounts.get("sara").passwordHash().startsWith("pbkdf2-sha256$500$"));
        assertTrue(accounts.login("sara", pw(), "10.0.0.1").ok());
        assertTrue(store.accounts.get("sara").passwordHash().startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void aStopRightAfterTheFirstStartWaitsForTheFirstAdmin(@TempDir Path home) throws IOException {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        && "khidmat.home".equals(args[0]) ? home.toString() : null);
        AccountService first = new AccountService(context, store, new ListAudit(audit), shared.sessions(), shared.throttles());
        first.deactivate(); // the centre is stopped at once, while the password is still being hashed
        assertTrue(store.accounts.containsKey("admin"), "the first admin exists when the stop returns");
        String password = Files.readString(home.resolve("data/initial-admin-password"), StandardCharsets.UTF_8).trim();
        assertTrue(accounts.login("admin", password.toCharArray(), "10.0.0.1").ok(), "the password in the file is the admin's");
        new AccountService(context, store, new ListAudit(audit), shared.sessions(), shared.throttles()).deactivate();
        assertEquals(password + "\n", Files.readString(home.resolve("data/initial-admin-password"), StandardCharsets.UTF_8),
                "the next start makes no second first admin");
    }

    private static char[] pw() {
        return "a long enough secret".toCharArray();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static final class MemoryStore implements AccountStore {
        final Map<String, StoredAccount> accounts = new TreeMap<>();
        final Map<String, StoredToken> tokens = new ConcurrentHashMap<>();
        final List<String> audit;

        MemoryStore(List<String> audit) {
            this.audit = audit;
        }

        @Override
        public Optional<StoredAccount> account(String username) {
            return Optional.ofNullable(accounts.get(username));
        }

        @Override
        public List<StoredAccount> accounts() {
            return List.copyOf(accounts.values());
        }

        @Override
        public void saveAccount(Account account, String passwordHash) {
            accounts.put(account.username(), new StoredAccount(account, passwordHash));
        }

        @Override
        public void saveAccount(Account account, String passwordHash, AuditNote note) {
            saveAccount(account, passwordHash);
            new ListAudit(audit).append(note.actor(), note.action(), note.subject(), note.detail());
        }

        @Override
        public void saveToken(StoredToken token) {
            tokens.put(token.token().id(), token);
        }

        @Override
        public void saveToken(StoredToken token, AuditNote note) {
            saveToken(token);
            new ListAudit(audit).append(note.actor(), note.action(), note.subject(), note.detail());
        }

        @Override
        public boolean revokeToken(String id, AuditNote note) {
            boolean revoked = revokeToken(id);
            if (revoked) {
                new ListAudit(audit).append(note.actor(), note.action(), note.subject(), note.detail());
            }
            return revoked;
        }

        @Override
        public Optional<StoredToken> tokenByHash(String hash) {
            return tokens.values().stream().filter(t -> t.hash().equals(hash)).findFirst();
        }

        @Override
        public List<StoredToken> tokens(String username) {
            return tokens.values().stream().filter(t -> username == null || t.token().username().equals(username))
                    .sorted(Comparator.comparing((StoredToken t) -> t.token().createdAt()).reversed()).toList();
        }

        @Override
        public boolean revokeToken(String id) {
            StoredToken t = tokens.get(id);
            if (t == null || t.token().revoked()) {
                return false;
            }
            tokens.put(id, new StoredToken(new org.khidmat.api.platform.ApiToken(id, t.token().username(),
                    t.token().label(), t.token().createdAt(), true), t.hash()));
            return true;
        }
    }

    record ListAudit(List<String> lines) implements AuditLog {
        @Override
        public AuditEntry append(String actor, String action, String subject, String detail) {
            lines.add((actor + " " + action + " " + subject + " " + detail).strip());
            return AuditEntry.of(lines.size(), Instant.EPOCH, actor, action, subject, detail, "");
        }

        @Override
        public List<AuditEntry> search(String text, int limit) {
            return List.of();
        }

        @Override
        public List<AuditEntry> actions(String prefix, int limit) {
            return List.of();
        }

        @Override
        public AuditCheck verify() {
            return AuditCheck.of(true, lines.size(), 0, "");
        }

        @Override
        public AuditCheck verifyFrom(long seq) {
            return verify();
        }
    }
}
