package org.khidmat.api.store;

import org.khidmat.api.platform.Account;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.StoreException;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Durable accounts and API tokens, as hashes. */
@ProviderType
public interface AccountStore {

    /**
     * A stored account with its password hash.
     *
     * @param account the account
     * @param passwordHash the encoded hash
     */
    record StoredAccount(Account account, String passwordHash) {
    }

    /**
     * A stored token.
     *
     * @param token the token's public fields
     * @param hash SHA-256 (hex) of the token text
     */
    record StoredToken(ApiToken token, String hash) {
    }

    /** @return the account, if any */
    Optional<StoredAccount> account(String username);

    /** @return every account, by name as {@link String#compareTo} orders names */
    List<StoredAccount> accounts();

    /**
     * Inserts or replaces an account: a second save of a name replaces its role, agency, enabled flag and password
     * hash, and keeps the {@code createdAt} of the first.
     *
     * @param account the account
     * @param passwordHash its hash
     * @throws StoreException when it cannot be stored
     */
    void saveAccount(Account account, String passwordHash);

    /**
     * Inserts or replaces an account and writes its audit entry, in one transaction.
     *
     * @param account the account
     * @param passwordHash its hash
     * @param audit the audit entry, for example {@code account.create}; never the password or its hash
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    void saveAccount(Account account, String passwordHash, AuditNote audit);

    /**
     * @param token a new token of an existing account; its id must be new
     * @throws StoreException when the id is taken or the account does not exist; nothing is stored then
     */
    void saveToken(StoredToken token);

    /**
     * Stores a new token and its audit entry in one transaction.
     *
     * @param token a new token; its id must be new
     * @param audit the audit entry, normally {@code token.issue}; never the token's text or hash
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    void saveToken(StoredToken token, AuditNote audit);

    /** @return the token with that hash (never found by its text, which the store never has), revoked or not */
    Optional<StoredToken> tokenByHash(String hash);

    /** @param username an account, or {@code null} for all; @return tokens newest first */
    List<StoredToken> tokens(String username);

    /** @return whether a token with that id was found and is now revoked */
    boolean revokeToken(String id);

    /**
     * Like {@link #revokeToken(String)}, and writes the audit entry in the same transaction when it revokes one.
     *
     * @param id the token's id
     * @param audit the audit entry, normally {@code token.revoke}
     * @return {@code false} when there is no such token or it was revoked already; nothing is written then
     * @throws StoreException when it cannot be stored; nothing is stored then
     * @since 1.4
     */
    boolean revokeToken(String id, AuditNote audit);
}
