package org.khidmat.core.internal.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.platform.Accounts;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.SessionStore;
import org.khidmat.api.store.StoredSession;
import org.khidmat.api.store.Throttles;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.LoginResult;
import org.khidmat.api.platform.Role;
import org.khidmat.api.platform.Session;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Staff accounts: hashed passwords, logins throttled in the database, sessions in the database (any node serves any
 * session), hashed API tokens, all audited. The pieces: {@link AccountRules} (what a name and a password must be),
 * {@link Logins} (a login, throttled), {@link SessionBook} (sessions), {@link ApiTokens}, {@link FirstAdmin} (the first
 * start's admin).
 */
// immediate: at the first start the first admin is made at once (on a thread of its own), not at the first login
@Component(service = Accounts.class, immediate = true)
public final class AccountService implements Accounts {
    private final AccountStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHash hasher;
    private final SessionBook sessions;
    private final Logins logins;
    private final ApiTokens tokens;
    private final FirstAdmin firstAdmin = new FirstAdmin();
    /** The centre's agencies: those with a certificate in conf/agencies, and those in the catalogue once bound. */
    private volatile Predicate<String> certified = code -> false;
    private volatile Catalogue catalogue;

    @Activate
    public AccountService(BundleContext context, @Reference AccountStore store, @Reference AuditLog audit,
            @Reference SessionStore sessions, @Reference Throttles throttles) {
        this(store, audit, sessions, throttles, Clock.systemUTC(), PasswordHash.ITERATIONS);
        String home = context.getProperty("khidmat.home");
        Path agencies = Path.of(home == null || home.isBlank() ? "." : home.strip()).resolve("conf").resolve("agencies");
        certified = code -> Files.isRegularFile(agencies.resolve(code + ".pem"));
        if (store.accounts().isEmpty()) {
            firstAdmin.start(context, password -> create(FirstAdmin.NAME, password, Role.ADMIN, null, "system"));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCatalogue(Catalogue c) {
        catalogue = c;
    }

    void unsetCatalogue(Catalogue c) {
        if (catalogue == c) {
            catalogue = null;
        }
    }

    /** For tests: which agency codes have a certificate. */
    void certified(Predicate<String> known) {
        certified = known;
    }

    private boolean agencyKnown(String code) {
        Catalogue c = catalogue;
        return certified.test(code) || c != null && c.services().stream().anyMatch(e -> code.equals(e.descriptor().agency().code()));
    }

    /** A stop during the first start waits for the first admin to be made (see {@link FirstAdmin#await}). */
    @Deactivate
    void deactivate() {
        firstAdmin.await();
    }

    AccountService(AccountStore store, AuditLog audit, SessionStore sessions, Throttles throttles, Clock clock,
            int iterations) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.hasher = new PasswordHash(iterations);
        this.sessions = new SessionBook(sessions, clock);
        this.logins = new Logins(store, audit, hasher, new LoginThrottle(throttles, clock), this.sessions);
        this.tokens = new ApiTokens(store, clock);
    }

    @Override
    public Optional<Account> find(String username) {
        firstAdmin.await();
        return store.account(username).map(AccountStore.StoredAccount::account);
    }

    @Override
    public List<Account> list() {
        firstAdmin.await();
        return store.accounts().stream().map(AccountStore.StoredAccount::account).toList();
    }

    @Override
    public List<Problem> check(String username, char[] password, Role role, String agency, boolean newAgency) {
        boolean taken = username != null && AccountRules.USERNAME.matcher(username).matches() && store.account(username).isPresent();
        return AccountRules.check(username, taken, password, role, agency, code -> newAgency || agencyKnown(code));
    }

    @Override
    public Account create(String username, char[] password, Role role, String agency, String actor) {
        return create(username, password, role, agency, false, actor);
    }

    @Override
    public Account create(String username, char[] password, Role role, String agency, boolean newAgency, String actor) {
        List<Problem> problems = check(username, password, role, agency, newAgency);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(Problem::en).collect(Collectors.joining("; ")));
        }
        boolean announced = newAgency && agency != null && !agencyKnown(agency);
        Account account = new Account(username, role, agency, true, clock.instant());
        store.saveAccount(account, hasher.hash(password), AuditNote.of(actor, "account.create", username,
                role + (agency == null ? "" : " of " + agency) + (announced ? " (an agency new to the centre)" : "")));
        return account;
    }

    @Override
    public void setPassword(String username, char[] password, String actor) {
        AccountStore.StoredAccount stored = existing(username);
        strongEnough(password);
        store.saveAccount(stored.account(), hasher.hash(password),
                AuditNote.of(actor, "account.password", username, "password changed; sessions ended"));
        sessions.closeAll(username);
    }

    @Override
    public void setEnabled(String username, boolean enabled, String actor) {
        AccountStore.StoredAccount stored = existing(username);
        if (!enabled && username.equals(actor)) {
            throw new IllegalArgumentException("you cannot disable your own account " + username + "; another admin can");
        }
        Account a = stored.account();
        store.saveAccount(new Account(a.username(), a.role(), a.agency(), enabled, a.createdAt()), stored.passwordHash(),
                AuditNote.of(actor, enabled ? "account.enable" : "account.disable", username, ""));
        if (!enabled) {
            sessions.closeAll(username);
        }
    }

    @Override
    public LoginResult login(String username, char[] password, String address) {
        firstAdmin.await();
        return logins.login(username, password, address);
    }

    /** The account as it is now: a role changed or an account disabled on any node counts at the next request. */
    @Override
    public Optional<Session> session(String id) {
        Optional<StoredSession> s = sessions.touch(id);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = find(s.get().username()).filter(Account::enabled);
        if (account.isEmpty()) {
            sessions.close(id);
            return Optional.empty();
        }
        StoredSession live = s.get();
        return Optional.of(new Session(id, account.get(), live.csrf(), live.created(), live.lastSeen()));
    }

    @Override
    public void logout(String id) {
        sessions.touch(id).ifPresent(s -> audit.append(s.username(), "logout", s.username(), ""));
        sessions.close(id);
    }

    @Override
    public String issueToken(String username, String label, String actor) {
        existing(username);
        return tokens.issue(username, label, actor);
    }

    @Override
    public Optional<Account> byToken(String bearer) {
        return tokens.holder(bearer).flatMap(this::find).filter(Account::enabled);
    }

    @Override
    public List<ApiToken> tokens(String username) {
        return tokens.of(username);
    }

    @Override
    public boolean revokeToken(String id, String actor) {
        return tokens.revoke(id, actor);
    }

    private AccountStore.StoredAccount existing(String username) {
        return store.account(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
    }

    private static void strongEnough(char[] password) {
        String weak = AccountRules.weakness(password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
    }
}
