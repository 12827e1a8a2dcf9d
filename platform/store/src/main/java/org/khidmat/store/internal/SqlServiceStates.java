package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;

/**
 * Services' enablement in table {@code service_state}: a row per service switched for all centres (centre {@code ''})
 * and a row per service and centre switched in one centre only.
 */
@Component(service = ServiceStates.class)
public final class SqlServiceStates implements ServiceStates {
    private final Database database;
    private final AuditChain chain;

    /** @param chain appends the audit entries that the methods taking an {@link AuditNote} write with their change */
    @Activate
    public SqlServiceStates(@Reference Database database, @Reference AuditChain chain) {
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
    public Map<String, ServiceState> all() {
        return all("");
    }

    /** The centre's rows come after the rows for all centres, so they take their place. */
    @Override
    public Map<String, ServiceState> all(String centre) {
        return database.read("read the service states", c -> {
            Map<String, ServiceState> states = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT service_id, centre, enabled, reason, changed_by,"
                    + " changed_at FROM service_state WHERE centre = '' OR centre = ? ORDER BY service_id,"
                    + " CASE WHEN centre = '' THEN 0 ELSE 1 END")) {
                q.setString(1, centre);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        ServiceState state = ServiceState.of(rows.getString(1), rows.getString(2),
                                rows.getInt(3) != 0, rows.getString(4), rows.getString(5),
                                Instant.ofEpochMilli(rows.getLong(6)));
                        states.put(state.serviceId(), state);
                    }
                }
            }
            return Collections.unmodifiableMap(states);
        });
    }

    @Override
    public void put(ServiceState state) {
        put(state, null);
    }

    @Override
    public void put(ServiceState state, AuditNote note) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(state.serviceId(), "serviceId");
        long at = SqlApplicationStore.millis(state.changedAt());
        database.write("store the state of service " + state.serviceId(), c -> {
            String centre = state.centre() == null ? "" : state.centre();
            if (centre.isEmpty()) {
                try (PreparedStatement clear = c.prepareStatement(
                        "DELETE FROM service_state WHERE service_id = ? AND centre <> ''")) {
                    clear.setString(1, state.serviceId());
                    clear.executeUpdate();
                }
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO service_state (service_id, centre, enabled,"
                    + " reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service_id, centre)"
                    + " DO UPDATE SET enabled = excluded.enabled, reason = excluded.reason,"
                    + " changed_by = excluded.changed_by, changed_at = excluded.changed_at")) {
                upsert.setString(1, state.serviceId());
                upsert.setString(2, centre);
                upsert.setInt(3, state.enabled() ? 1 : 0);
                upsert.setString(4, state.reason());
                upsert.setString(5, state.changedBy());
                upsert.setLong(6, at);
                upsert.executeUpdate();
            }
            audit(c, note);
            return null;
        });
    }
}
