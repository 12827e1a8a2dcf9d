package org.khidmat.core.internal.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: hashed passwords, logins throttled in the database, sessions in the database (any node serves any
 * session), hashed API tokens, all audited.
 */
// immediate: at the first start the first admin is made at once (on a thread of its own), not at the first login
@Component(service = Accounts.class, immediate = true)
public final class AccountService implements Accounts {
    static final String FIRST_ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final Pattern USERNAME = AccountRules.USERNAME;
    private static final String WRONG = "Wrong username or password";

    private final AccountStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHash hasher;
    private final LoginThrottle throttle;
    private final SessionBook sessions;
    private CompletableFuture<Void> firstAdmin = CompletableFuture.completedFuture(null);
    private volatile String dummyHash;
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
            // the first admin's password hash takes a while by design: make it beside the start, not in its way
            firstAdmin = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    bootstrap(context);
                } finally {
                    firstAdmin.complete(null);
                }
            }, "khidmat-first-admin");
            t.setDaemon(true);
            t.start();
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

    /**
     * A stop during the first start waits for the first admin to be made: stopped half-way, the next start
     * would make it again, with a new password in place of the one the operator may already have read.
     */
    @Deactivate
    void deactivate() {
        afterFirstAdmin();
    }

    /** Waits, at the first start only, until the first admin exists, so a login never races its creation. */
    private void afterFirstAdmin() {
        try {
            firstAdmin.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the first admin account was not made: {}", e.getMessage());
        }
    }

    AccountService(AccountStore store, AuditLog audit, SessionStore sessions, Throttles throttles, Clock clock,
            int iterations) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.hasher = new PasswordHash(iterations);
        this.throttle = new LoginThrottle(throttles, clock);
        this.sessions = new SessionBook(sessions, clock);
    }

    /**
     * Writes a file that only the centre's user can read: created with those permissions where the file system
     * has POSIX permissions, so that it is never readable by others, not even for a moment.
     */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file); // a file system without POSIX permissions: the folder's own protection applies
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
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

    /**
     * The first start has no accounts: it makes {@code admin} with the password in {@code KHIDMAT_ADMIN_PASSWORD}
     * (framework property {@code khidmat.admin.password}), or else a random one written to
     * {@code data/initial-admin-password}, readable by the centre's own user only.
     */
    private void bootstrap(BundleContext context) {
        // the launcher turns KHIDMAT_ADMIN_PASSWORD into this property: a secret is not written into Config Admin's store
        String given = context.getProperty("khidmat.admin.password");
        boolean generated = given == null || given.isBlank();
        String password = generated ? SessionBook.random().substring(0, 20) : given;
        if (generated) {
            // the password is kept before the account is made: if it cannot be kept, no account nobody can log in
            // to is made, and the next start tries again
            Path home = Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"));
            Path file = home.resolve("data").resolve("initial-admin-password");
            try {
                writeOwnerOnly(file, password + "\n");
            } catch (IOException e) {
                LOG.error("could not write the first admin's password to {} ({}); no admin account was made. Set "
                        + "KHIDMAT_ADMIN_PASSWORD, or make the folder writable, and start again", file, e.getMessage());
                return;
            }
            create(FIRST_ADMIN, password.toCharArray(), Role.ADMIN, null, "system");
            System.out.println("First start: account 'admin' was created; its password is in " + file
                    + " (change it after logging in)");
        } else {
            create(FIRST_ADMIN, password.toCharArray(), Role.ADMIN, null, "system");
        }
    }

    @Override
    public Optional<Account> find(String username) {
        afterFirstAdmin();
        return store.account(username).map(AccountStore.StoredAccount::account);
    }

    @Override
    public List<Account> list() {
        afterFirstAdmin();
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
        afterFirstAdmin();
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
        String text = "kh_" + SessionBook.random();
        String id = text.substring(3, 11);
        store.saveToken(new AccountStore.StoredToken(new ApiToken(id, username, label == null ? "" : label.strip(),
                clock.instant(), false), sha256(text)),
                AuditNote.of(actor, "token.issue", username, "token " + id + " " + (label == null ? "" : label)));
        return text;
    }

    @Override
    public Optional<Account> byToken(String bearer) {
        if (bearer == null || !bearer.startsWith("kh_")) {
            return Optional.empty();
        }
        return store.tokenByHash(sha256(bearer.strip())).filter(t -> !t.token().revoked())
                .flatMap(t -> find(t.token().username())).filter(Account::enabled);
    }

    @Override
    public List<ApiToken> tokens(String username) {
        return store.tokens(username).stream().map(AccountStore.StoredToken::token).toList();
    }

    @Override
    public boolean revokeToken(String id, String actor) {
        return store.revokeToken(id, AuditNote.of(actor, "token.revoke", id, ""));
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

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
