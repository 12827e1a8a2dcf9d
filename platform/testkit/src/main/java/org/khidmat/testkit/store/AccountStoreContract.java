package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AccountStore.StoredAccount;
import org.khidmat.api.store.AccountStore.StoredToken;
import org.khidmat.api.store.AuditNote;

/** {@link AccountStore}: accounts saved, found, replaced and disabled; tokens kept as hashes, listed and revoked. */
public abstract class AccountStoreContract extends StoreContract {
    private static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    private static Account account(String name, Role role, String agency, boolean enabled) {
        return new Account(name, role, agency, enabled, T);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static StoredToken token(String id, String user, String secret, int secondsAfterT) {
        return new StoredToken(new ApiToken(id, user, "CI of the bundle", T.plusSeconds(secondsAfterT), false), sha256(secret));
    }

    @Test
    public void accountsAreFoundByNameAndListedByName() {
        stores.accounts().saveAccount(account("zara", Role.OPERATOR, null, true), PASSWORD_HASH);
        stores.accounts().saveAccount(account("ali", Role.AGENCY, "nadra", true), PASSWORD_HASH + "2",
                AuditNote.of("admin", "account.create", "ali", null));

        assertEquals(new StoredAccount(account("ali", Role.AGENCY, "nadra", true), PASSWORD_HASH + "2"),
                stores.accounts().account("ali").orElseThrow());
        assertEquals(List.of("ali", "zara"), stores.accounts().accounts().stream().map(a -> a.account().username()).toList());
        assertEquals(Optional.empty(), stores.accounts().account("nobody"));
        assertEquals(Optional.empty(), stores.accounts().account("ALI"), "names match exactly");
        assertEquals(1, audited("account.create").size());
    }

    @Test
    public void accountsAreListedInTheOrderOfJavaStringsNotOfALanguage() {
        List<String> names = List.of("zara", "Zara", "ali", "Ali", "ali.khan", "ali_khan", "ali-khan", "alí");
        for (String name : names) {
            stores.accounts().saveAccount(account(name, Role.OPERATOR, null, true), PASSWORD_HASH);
        }

        assertEquals(names.stream().sorted().toList(),
                stores.accounts().accounts().stream().map(a -> a.account().username()).toList(),
                "by name as String.compareTo orders them (PostgreSQL: COLLATE \"C\")");
    }

    @Test
    public void savingAgainReplacesTheAccountButKeepsWhenItWasMade() {
        stores.accounts().saveAccount(account("ali", Role.AGENCY, "nadra", true), PASSWORD_HASH);
        Account disabled = new Account("ali", Role.OPERATOR, null, false, T.plusSeconds(86_400));

        stores.accounts().saveAccount(disabled, PASSWORD_HASH + "new", AuditNote.of("admin", "account.disable", "ali", null));

        StoredAccount now = stores.accounts().account("ali").orElseThrow();
        assertFalse(now.account().enabled());
        assertEquals(Role.OPERATOR, now.account().role());
        assertEquals(null, now.account().agency());
        assertEquals(PASSWORD_HASH + "new", now.passwordHash());
        assertEquals(T, now.account().createdAt(), "createdAt stays the first save's");
        assertEquals(1, stores.accounts().accounts().size());
    }

    @Test
    public void anAccountThatCannotBeStoredWritesNoAuditEntry() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> stores.accounts().saveAccount(
                account("ali", Role.ADMIN, null, true), null, AuditNote.of("admin", "account.create", "ali", null)));

        assertRefusal(e);
        assertEquals(Optional.empty(), stores.accounts().account("ali"));
        assertEquals(0, auditSize());
    }

    @Test
    public void aTokenIsFoundByItsHashOnlyAndNeitherTextNorHashReachesTheAuditLog() {
        stores.accounts().saveAccount(account("ci", Role.AGENCY, "nadra", true), PASSWORD_HASH);
        String secret = "kht_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        StoredToken t = token("kht_9f8e", "ci", secret, 0);

        stores.accounts().saveToken(t, AuditNote.of("admin", "token.issue", "kht_9f8e", "for ci"));

        assertEquals(Optional.of(t), stores.accounts().tokenByHash(sha256(secret)));
        assertEquals(Optional.empty(), stores.accounts().tokenByHash(secret), "the text is no key");
        assertEquals(Optional.empty(), stores.accounts().tokenByHash(sha256(secret + "x")));
        assertEquals(1, audited("token.issue").size());
        assertEquals(List.of(), stores.audit().search(sha256(secret), 10), "the hash is not in the audit log");
        assertEquals(List.of(), stores.audit().search(secret, 10), "the text is not in the audit log");
        assertEquals(List.of(), stores.audit().search(PASSWORD_HASH, 10), "nor a password hash");
    }

    @Test
    public void tokensAreListedNewestFirstPerAccountAndATakenIdIsRefused() {
        stores.accounts().saveAccount(account("ci", Role.AGENCY, "nadra", true), PASSWORD_HASH);
        stores.accounts().saveAccount(account("ops", Role.OPERATOR, null, true), PASSWORD_HASH);
        StoredToken older = token("kht_0001", "ci", "one", 0);
        StoredToken newer = token("kht_0002", "ci", "two", 60);
        StoredToken other = token("kht_0003", "ops", "three", 30);
        stores.accounts().saveToken(older);
        stores.accounts().saveToken(newer);
        stores.accounts().saveToken(other);

        assertEquals(List.of(newer, older), stores.accounts().tokens("ci"));
        assertEquals(List.of(newer, other, older), stores.accounts().tokens(null));
        assertEquals(List.of(), stores.accounts().tokens("nobody"));
        assertThrows(StoreException.class, () -> stores.accounts().saveToken(token("kht_0001", "ci", "four", 90),
                AuditNote.of("admin", "token.issue", "kht_0001", null)), "its id must be new");
        assertEquals(Optional.of(older), stores.accounts().tokenByHash(older.hash()), "the first is kept");
        assertEquals(Optional.empty(), stores.accounts().tokenByHash(sha256("four")));
        assertEquals(0, audited("token.issue").size());
    }

    @Test
    public void aTokenOfAnAccountTheStoreDoesNotHaveIsRefused() {
        assertThrows(StoreException.class, () -> stores.accounts().saveToken(token("kht_0001", "ghost", "one", 0)));

        assertEquals(List.of(), stores.accounts().tokens(null));
    }

    @Test
    public void aTokenIsRevokedOnceAndTheRevocationIsAuditedOnce() {
        stores.accounts().saveAccount(account("ci", Role.AGENCY, "nadra", true), PASSWORD_HASH);
        StoredToken t = token("kht_0001", "ci", "one", 0);
        stores.accounts().saveToken(t);
        AuditNote revoke = AuditNote.of("admin", "token.revoke", "kht_0001", null);

        assertTrue(stores.accounts().revokeToken("kht_0001", revoke));
        assertFalse(stores.accounts().revokeToken("kht_0001", revoke), "revoked already");
        assertFalse(stores.accounts().revokeToken("kht_none", revoke), "no such token");

        assertTrue(stores.accounts().tokenByHash(t.hash()).orElseThrow().token().revoked(), "still found, as revoked");
        assertTrue(stores.accounts().tokens("ci").get(0).token().revoked());
        assertEquals(1, audited("token.revoke").size());
    }
}
