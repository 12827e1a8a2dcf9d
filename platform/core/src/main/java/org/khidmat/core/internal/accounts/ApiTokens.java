package org.khidmat.core.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AuditNote;

/**
 * API tokens of staff accounts: {@code kh_} and 32 random bytes, shown once; only their SHA-256 is stored, so a copy
 * of the database logs nobody in. Issued and revoked with an audit note.
 */
final class ApiTokens {
    static final String PREFIX = "kh_";
    private final AccountStore store;
    private final Clock clock;

    ApiTokens(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return the token's text, the only time it is known (its id is the 8 characters after the prefix) */
    String issue(String username, String label, String actor) {
        String text = PREFIX + SessionBook.random();
        String id = text.substring(PREFIX.length(), PREFIX.length() + 8);
        store.saveToken(new AccountStore.StoredToken(new ApiToken(id, username, label == null ? "" : label.strip(),
                clock.instant(), false), sha256(text)),
                AuditNote.of(actor, "token.issue", username, "token " + id + " " + (label == null ? "" : label)));
        return text;
    }

    /** @return the user name a bearer token not revoked stands for */
    Optional<String> holder(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return store.tokenByHash(sha256(bearer.strip())).filter(t -> !t.token().revoked()).map(t -> t.token().username());
    }

    List<ApiToken> of(String username) {
        return store.tokens(username).stream().map(AccountStore.StoredToken::token).toList();
    }

    boolean revoke(String id, String actor) {
        return store.revokeToken(id, AuditNote.of(actor, "token.revoke", id, ""));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
