package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khidmat.api.platform.Account;
import org.khidmat.api.store.AccountStore;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.platform.ApiToken;
import org.khidmat.api.platform.Role;

/** Accounts and API tokens in tables {@code account} and {@code api_token}. */
@Component(service = AccountStore.class)
public final class SqlAccountStore implements AccountStore {
    private static final String ACCOUNT = "SELECT username, role, agency, enabled, created_at, password_hash FROM account";
    private static final String TOKEN = "SELECT id, username, label, created_at, revoked, hash FROM api_token";

    private final Database database;
    private final AuditChain chain;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    @Activate
    public SqlAccountStore(@Reference Database database, @Reference AuditChain chain) {
        this.database = database;
        this.chain = chain;
    }

    /** Appends the entry in the transaction on {@code c}, unless {@code note} is {@code null}. */
    private void audit(java.sql.Connection c, AuditNote note) throws java.sql.SQLException {
        if (note != null) {
            chain.append(c, note);
        }
    }

    @Override
    public Optional<StoredAccount> account(String username) {
        return database.read("read account " + username, c -> accounts(c, ACCOUNT + " WHERE username = ?", username))
                .stream().findFirst();
    }

    @Override
    public List<StoredAccount> accounts() {
        return database.read("read the accounts", c -> accounts(c, ACCOUNT + " ORDER BY username", null));
    }

    @Override
    public void saveAccount(Account a, String passwordHash) {
        saveAccount(a, passwordHash, null);
    }

    @Override
    public void saveAccount(Account a, String passwordHash, AuditNote note) {
        database.write("store account " + a.username(), c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO account (username, role, agency, enabled,"
                    + " password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET"
                    + " role = excluded.role, agency = excluded.agency, enabled = excluded.enabled,"
                    + " password_hash = excluded.password_hash")) {
                upsert.setString(1, a.username());
                upsert.setString(2, a.role().name());
                upsert.setString(3, a.agency());
                upsert.setInt(4, a.enabled() ? 1 : 0);
                upsert.setString(5, passwordHash);
                upsert.setLong(6, SqlApplicationStore.millis(a.createdAt()));
                upsert.executeUpdate();
            }
            audit(c, note);
            return null;
        });
    }

    @Override
    public void saveToken(StoredToken t) {
        saveToken(t, null);
    }

    @Override
    public void saveToken(StoredToken t, AuditNote note) {
        database.write("store token " + t.token().id(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_token (id, username, label, hash,"
                    + " created_at, revoked) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, t.token().id());
                insert.setString(2, t.token().username());
                insert.setString(3, t.token().label());
                insert.setString(4, t.hash());
                insert.setLong(5, SqlApplicationStore.millis(t.token().createdAt()));
                insert.setInt(6, t.token().revoked() ? 1 : 0);
                insert.executeUpdate();
            }
            audit(c, note);
            return null;
        });
    }

    @Override
    public Optional<StoredToken> tokenByHash(String hash) {
        return database.read("read a token", c -> tokens(c, TOKEN + " WHERE hash = ?", hash)).stream().findFirst();
    }

    @Override
    public List<StoredToken> tokens(String username) {
        return database.read("read tokens", c -> username == null
                ? tokens(c, TOKEN + " ORDER BY created_at DESC, id", null)
                : tokens(c, TOKEN + " WHERE username = ? ORDER BY created_at DESC, id", username));
    }

    @Override
    public boolean revokeToken(String id) {
        return revokeToken(id, null);
    }

    @Override
    public boolean revokeToken(String id, AuditNote note) {
        return database.write("revoke token " + id, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE api_token SET revoked = 1 WHERE id = ? AND revoked = 0")) {
                update.setString(1, id);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            audit(c, note);
            return true;
        });
    }

    private static List<StoredAccount> accounts(Connection c, String sql, String arg) throws SQLException {
        List<StoredAccount> out = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            if (arg != null) {
                query.setString(1, arg);
            }
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredAccount(new Account(r.getString(1), Role.valueOf(r.getString(2)), r.getString(3),
                            r.getInt(4) != 0, Instant.ofEpochMilli(r.getLong(5))), r.getString(6)));
                }
            }
        }
        return out;
    }

    private static List<StoredToken> tokens(Connection c, String sql, String arg) throws SQLException {
        List<StoredToken> out = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            if (arg != null) {
                query.setString(1, arg);
            }
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredToken(new ApiToken(r.getString(1), r.getString(2), r.getString(3),
                            Instant.ofEpochMilli(r.getLong(4)), r.getInt(5) != 0), r.getString(6)));
                }
            }
        }
        return out;
    }
}
