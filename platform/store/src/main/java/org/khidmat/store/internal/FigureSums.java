package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.platform.FigureFacts;

/**
 * The figure groups of a period added up from the hourly sums in {@code figure_hour} for its whole hours and from
 * the applications themselves for the parts of an hour at its edges, so a year reads about 8,760 rows per service
 * rather than every application filed in it.
 */
final class FigureSums {
    static final long HOUR = 3_600_000L;
    /** Per service, version and tier in hours [?, ?): applications filed (rated_service_id '') and ratings. */
    static final String HOUR_GROUPS = "SELECT service_id, descriptor_version, tier, rated_service_id,"
            + " SUM(applications), SUM(stars) FROM figure_hour WHERE hour >= ? AND hour < ?"
            + " GROUP BY service_id, descriptor_version, tier, rated_service_id";

    /** Service, version and tier (null as ''), in that order; then rated service or '' for all filed. */
    private final Map<List<Object>, Map<String, long[]>> sums = new TreeMap<>(FigureSums::compare);

    /** Adds the period [from, to) in epoch milliseconds. */
    void add(Connection c, long from, long to) throws SQLException {
        long firstHour = Math.floorDiv(from + HOUR - 1, HOUR);
        long endHour = Math.floorDiv(to, HOUR);
        if (firstHour >= endHour) {
            applications(c, from, to);
            return;
        }
        applications(c, from, firstHour * HOUR);
        try (PreparedStatement query = c.prepareStatement(HOUR_GROUPS)) {
            query.setLong(1, firstHour);
            query.setLong(2, endHour);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    add(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                            rows.getLong(6));
                }
            }
        }
        applications(c, endHour * HOUR, to);
    }

    /** Adds [from, to) from the applications themselves. */
    private void applications(Connection c, long from, long to) throws SQLException {
        if (from >= to) {
            return;
        }
        try (PreparedStatement query = c.prepareStatement(SqliteApplicationStore.FIGURE_GROUPS)) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String tier = rows.getString(3) == null ? "" : rows.getString(3);
                    add(rows.getString(1), rows.getInt(2), tier, "", rows.getLong(5), 0);
                    if (rows.getString(4) != null) {
                        add(rows.getString(1), rows.getInt(2), tier, rows.getString(4), rows.getLong(6), rows.getLong(7));
                    }
                }
            }
        }
    }

    private void add(String service, int version, String tier, String rated, long count, long stars) {
        long[] sum = sums.computeIfAbsent(Arrays.asList(service, version, tier), k -> new TreeMap<>())
                .computeIfAbsent(rated, k -> new long[2]);
        sum[0] += count;
        sum[1] += stars;
    }

    /** @return the groups as the store reports them: rated applications per rated service, then the rest */
    List<FigureFacts.Group> groups() {
        List<FigureFacts.Group> out = new ArrayList<>();
        sums.forEach((key, byRated) -> {
            String service = (String) key.get(0);
            int version = (Integer) key.get(1);
            String tier = ((String) key.get(2)).isEmpty() ? null : (String) key.get(2);
            long unrated = byRated.getOrDefault("", new long[2])[0];
            for (Map.Entry<String, long[]> e : byRated.entrySet()) {
                if (!e.getKey().isEmpty()) {
                    int n = Math.toIntExact(e.getValue()[0]);
                    out.add(new FigureFacts.Group(service, version, tier, e.getKey(), n, n, e.getValue()[1]));
                    unrated -= n;
                }
            }
            if (unrated > 0) {
                out.add(new FigureFacts.Group(service, version, tier, null, Math.toIntExact(unrated), 0, 0));
            }
        });
        return out;
    }

    private static int compare(List<Object> a, List<Object> b) {
        int c = ((String) a.get(0)).compareTo((String) b.get(0));
        if (c == 0) {
            c = Integer.compare((Integer) a.get(1), (Integer) b.get(1));
        }
        return c != 0 ? c : ((String) a.get(2)).compareTo((String) b.get(2));
    }
}
