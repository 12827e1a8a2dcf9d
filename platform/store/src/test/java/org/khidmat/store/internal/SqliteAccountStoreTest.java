package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore.StoredToken;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.StoreException;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Engine.class)
class SqliteAccountStoreTest {
    @Parameter
    Engine engine;

    private static final Instant T = Instant.parse("2026-11-21T09:00:00.123Z");

    @TempDir
    Path dir;

    @Test
    void accountsRoundTripAndSurviveAReopen() {
        Account sara = new Account("sara", Role.AGENCY, "nadra", true, T);
        try (Database db = engine.open(dir)) {
            SqlAccountStore store = new SqlAccountStore(db, TestChain.of(db));
            store.saveAccount(sara, "pbkdf2-sha256$1$a$b");
            store.saveAccount(new Account("admin", Role.ADMIN, null, true, T), "h2");
            store.saveAccount(new Account("sara", Role.AGENCY, "nadra", false, T.plusSeconds(9)), "h3");
        }
        try (Database db = engine.open(dir)) {
            SqlAccountStore store = new SqlAccountStore(db, TestChain.of(db));
            assertEquals(List.of("admin", "sara"), store.accounts().stream().map(a -> a.account().username()).toList());
            var stored = store.account("sara").orElseThrow();
            assertEquals(new Account("sara", Role.AGENCY, "nadra", false, T), stored.account(),
                    "an update keeps the creation time");
            assertEquals("h3", stored.passwordHash());
            assertTrue(store.account("nobody").isEmpty());
        }
    }

    @Test
    void tokensAreFoundByHashListedNewestFirstAndRevokedOnce() {
        try (Database db = engine.open(dir)) {
            SqlAccountStore store = new SqlAccountStore(db, TestChain.of(db));
            store.saveAccount(new Account("ci", Role.AGENCY, "fbr", true, T), "h");
            store.saveToken(new StoredToken(new ApiToken("aaaa1111", "ci", "first", T, false), "hash-1"));
            store.saveToken(new StoredToken(new ApiToken("bbbb2222", "ci", "second", T.plusSeconds(60), false), "hash-2"));
            assertEquals("aaaa1111", store.tokenByHash("hash-1").orElseThrow().token().id());
            assertEquals(List.of("bbbb2222", "aaaa1111"), store.tokens("ci").stream().map(t -> t.token().id()).toList());
            assertTrue(store.revokeToken("aaaa1111"));
            assertFalse(store.revokeToken("aaaa1111"), "revoking twice does nothing");
            assertFalse(store.revokeToken("nope"));
            assertTrue(store.tokenByHash("hash-1").orElseThrow().token().revoked());
            assertThrows(StoreException.class, () -> store.saveToken(
                    new StoredToken(new ApiToken("cccc3333", "ghost", "no such account", T, false), "hash-3")),
                    "a token needs an existing account");
        }
    }
}
