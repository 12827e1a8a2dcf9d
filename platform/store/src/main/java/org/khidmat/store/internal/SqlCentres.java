package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.store.Centres;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The centres that share the database ({@code centre}); a centre registered for the first time gets six counters. */
@Component(service = Centres.class)
public final class SqlCentres implements Centres {
    /** Counters a new centre starts with, serving every category, as the first centre's schema gave it. */
    static final int FIRST_COUNTERS = 6;
    private final Database database;

    /** Over the shared database (SQLite or PostgreSQL, as configured). */
    @Activate
    public SqlCentres(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void register(String id, String name, String zone) {
        register(id, name, Map.of(), zone);
    }

    @Override
    public void register(String id, String name, Map<String, String> names, String zone) {
        database.write("register centre " + id, c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO centre (id, name_en, zone) VALUES (?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, zone = excluded.zone")) {
                upsert.setString(1, id);
                upsert.setString(2, name);
                upsert.setString(3, zone);
                upsert.executeUpdate();
            }
            named(c, id, names);
            boolean hasCounters;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM counter WHERE centre = ? LIMIT 1")) {
                q.setString(1, id);
                try (ResultSet rows = q.executeQuery()) {
                    hasCounters = rows.next();
                }
            }
            if (!hasCounters) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO counter (centre, number, categories, open)"
                        + " VALUES (?, ?, '', 1) ON CONFLICT (centre, number) DO NOTHING")) {
                    for (int n = 1; n <= FIRST_COUNTERS; n++) {
                        insert.setString(1, id);
                        insert.setInt(2, n);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    /** Replaces the centre's names in other languages with {@code names} (blank ones, and English's, left out). */
    private static void named(Connection c, String id, Map<String, String> names) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM centre_name WHERE centre = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO centre_name (centre, lang, name) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> n : new TreeMap<>(names).entrySet()) {
                if (n.getValue() == null || n.getValue().isBlank() || "en".equals(n.getKey())) {
                    continue;
                }
                insert.setString(1, id);
                insert.setString(2, n.getKey());
                insert.setString(3, n.getValue().strip());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Map<String, Map<String, String>> namesByLanguage() {
        return database.read("read the centres' names", c -> {
            Map<String, Map<String, String>> out = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id, name_en FROM centre")) {
                while (rows.next()) {
                    out.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put("en", rows.getString(2));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT centre, lang, name FROM centre_name")) {
                while (rows.next()) {
                    Map<String, String> names = out.get(rows.getString(1));
                    if (names != null) {
                        names.put(rows.getString(2), rows.getString(3));
                    }
                }
            }
            out.replaceAll((id, names) -> Map.copyOf(names));
            return out;
        });
    }

    @Override
    public Map<String, String> names() {
        return database.read("read the centres", c -> {
            Map<String, String> out = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id, name_en FROM centre")) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getString(2));
                }
            }
            return out;
        });
    }
}
