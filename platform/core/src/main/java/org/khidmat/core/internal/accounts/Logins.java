package org.khidmat.core.internal.accounts;

import java.util.Optional;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.Session;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.StoredSession;

/**
 * A login: throttled by name and by address ({@link LoginThrottle}), checked against the stored hash (an unknown name
 * against a dummy one, so that it takes as long), audited, a hash of fewer iterations than today's made again, and a
 * new session opened.
 */
final class Logins {
    private static final String WRONG = "Wrong username or password";
    private final AccountStore store;
    private final AuditLog audit;
    private final PasswordHash hasher;
    private final LoginThrottle throttle;
    private final SessionBook sessions;
    private volatile String dummyHash;

    Logins(AccountStore store, AuditLog audit, PasswordHash hasher, LoginThrottle throttle, SessionBook sessions) {
        this.store = store;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    LoginResult login(String username, char[] password, String address) {
        String name = LoginName.of(username);
        String from = address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
        long wait = throttle.waitSeconds(name, from);
        if (wait > 0) {
            int n = throttle.held(from);
            if (n > 0) {
                audit.append(name, "login.throttled", name, LoginName.heldBack(from, n) + ", wait " + wait + " s");
            }
            return new LoginResult(null, "Too many failed logins. Try again in " + wait + " seconds.", wait);
        }
        int pending = throttle.drain(from);
        if (pending > 0) {
            audit.append(name, "login.throttled", name, LoginName.heldBack(from, pending));
        }
        Optional<AccountStore.StoredAccount> stored = name.equals(LoginName.NOT_A_NAME) ? Optional.empty() : store.account(name);
        boolean ok = PasswordHash.matches(password, stored.map(AccountStore.StoredAccount::passwordHash).orElseGet(this::dummyHash))
                && stored.isPresent() && stored.get().account().enabled();
        if (!ok) {
            throttle.failed(name, from);
            audit.append(name, "login.failure", name, "from " + from);
            return new LoginResult(null, WRONG, throttle.waitSeconds(name, from));
        }
        throttle.succeeded(name, from);
        AccountStore.StoredAccount s = stored.get();
        if (hasher.weakerThanNow(s.passwordHash())) {
            store.saveAccount(s.account(), hasher.hash(password));
        }
        audit.append(name, "login.success", name, "from " + from);
        SessionBook.Opened opened = sessions.open(s.account().username());
        StoredSession o = opened.session();
        return new LoginResult(new Session(opened.id(), s.account(), o.csrf(), o.created(), o.lastSeen()), "Logged in", 0);
    }

    /** A hash to check unknown names against, so that they take as long as known ones; made at first need. */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("not a real password".toCharArray());
            dummyHash = h;
        }
        return h;
    }
}
