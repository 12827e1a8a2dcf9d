package org.khidmat.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.khidmat.api.store.AuditNote;
import org.khidmat.api.store.ServiceState;
import org.khidmat.api.store.ServiceStates;

/** Services' enablement in table {@code service_state}, one row per service that was ever switched. */
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
        return database.read("read the service states", c -> {
            Map<String, ServiceState> states = new LinkedHashMap<>();
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT service_id, enabled, reason, changed_by,"
                            + " changed_at FROM service_state ORDER BY service_id")) {
                while (rows.next()) {
                    ServiceState state = ServiceState.of(rows.getString(1), rows.getInt(2) != 0, rows.getString(3),
                            rows.getString(4), Instant.ofEpochMilli(rows.getLong(5)));
                    states.put(state.serviceId(), state);
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
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO service_state (service_id, enabled,"
                    + " reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (service_id) DO UPDATE SET"
                    + " enabled = excluded.enabled, reason = excluded.reason, changed_by = excluded.changed_by,"
                    + " changed_at = excluded.changed_at")) {
                upsert.setString(1, state.serviceId());
                upsert.setInt(2, state.enabled() ? 1 : 0);
                upsert.setString(3, state.reason());
                upsert.setString(4, state.changedBy());
                upsert.setLong(5, at);
                upsert.executeUpdate();
            }
            audit(c, note);
            return null;
        });
    }
}
