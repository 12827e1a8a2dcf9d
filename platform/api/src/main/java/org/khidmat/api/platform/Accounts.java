package org.khidmat.api.platform;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Staff accounts, their sessions and API tokens. Passwords are kept only as slow salted hashes.
 * Every change is written to the audit log.
 */
@ProviderType
public interface Accounts {

    /**
     * @param username a login name
     * @return the account, if there is one
     */
    Optional<Account> find(String username);

    /** @return every account, by name */
    List<Account> list();

    /**
     * Creates an account.
     *
     * @param username 3 to 32 lowercase letters, digits, dots or dashes
     * @param password at least 12 characters
     * @param role the role
     * @param agency the agency code for {@link Role#AGENCY}, else {@code null}
     * @param actor who did it
     * @return the account
     * @throws IllegalArgumentException naming what is wrong: a taken name, a short password, a missing agency or one
     *     the centre does not have (every problem {@link #check} finds, in one sentence)
     */
    Account create(String username, char[] password, Role role, String agency, String actor);

    /**
     * Checks a new account as {@link #create} would, reporting every problem at once, each at its field:
     * {@code username}, {@code password}, {@code role} or {@code agency}. An agency account needs an agency the centre
     * has (one with a service in the catalogue, or with a certificate in {@code conf/agencies}).
     *
     * @param username the wanted name
     * @param password the wanted password
     * @param role the role
     * @param agency the agency code for {@link Role#AGENCY}, else {@code null}
     * @return the problems, in form order; empty when {@link #create} would make the account
     * @since 1.6
     */
    default List<org.khidmat.api.Problem> check(String username, char[] password, Role role, String agency) {
        return check(username, password, role, agency, false);
    }

    /**
     * As {@link #check(String, char[], Role, String)}, but with {@code newAgency} an agency account may name an agency
     * the centre does not have yet (one about to upload its first bundle): said on purpose, never by a typo.
     *
     * @param newAgency whether the caller says the agency is new to the centre
     * @return the problems, in form order
     * @since 1.6
     */
    default List<org.khidmat.api.Problem> check(String username, char[] password, Role role, String agency, boolean newAgency) {
        return List.of();
    }

    /**
     * As {@link #create(String, char[], Role, String, String)}, for an agency new to the centre when {@code newAgency}.
     *
     * @param newAgency whether the caller says the agency is new to the centre (its first account before its first bundle)
     * @return the account
     * @throws IllegalArgumentException naming every problem {@link #check(String, char[], Role, String, boolean)} finds
     * @since 1.6
     */
    default Account create(String username, char[] password, Role role, String agency, boolean newAgency, String actor) {
        return create(username, password, role, agency, actor);
    }

    /**
     * @param username the account
     * @param password the new password, at least 12 characters
     * @param actor who did it
     * @throws IllegalArgumentException for an unknown account or a short password
     */
    void setPassword(String username, char[] password, String actor);

    /**
     * Enables or disables an account; disabling ends its sessions and stops its tokens at once.
     *
     * @param username the account
     * @param enabled the new state
     * @param actor who did it
     * @throws IllegalArgumentException for an unknown account, and when {@code actor} would disable their own account
     *     (so that the last admin cannot lock everyone out; another admin can)
     */
    void setEnabled(String username, boolean enabled, String actor);

    /**
     * Checks a password. Repeated failures for a name from one address are slowed down, more each time;
     * the same name from another address is not, so an attacker cannot lock a real user out.
     *
     * @param username the name typed
     * @param password the password typed
     * @param address the client's address
     * @return the session, or why not and how long to wait
     */
    LoginResult login(String username, char[] password, String address);

    /**
     * @param id a session id from a cookie
     * @return the live session, its idle time restarted; empty when unknown, expired, or its account disabled
     */
    Optional<Session> session(String id);

    /** @param id a session id; ending an unknown one does nothing */
    void logout(String id);

    /**
     * Issues an API token.
     *
     * @param username the account it acts as
     * @param label what it is for
     * @param actor who did it
     * @return the token text, shown once and never again
     */
    String issueToken(String username, String label, String actor);

    /**
     * @param bearer the text after {@code Bearer }
     * @return the account it acts as, when the token is known, not revoked and the account enabled
     */
    Optional<Account> byToken(String bearer);

    /**
     * @param username an account, or {@code null} for all
     * @return the tokens, newest first
     */
    List<ApiToken> tokens(String username);

    /**
     * @param id a token id
     * @param actor who did it
     * @return whether a token was revoked
     */
    boolean revokeToken(String id, String actor);
}
