package org.khidmat.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.store.FigureFacts;

/**
 * The figure facts of a period added up from the daily sums in {@code figure_day} and {@code figure_time} for its
 * whole days, and from the applications and {@code figure_move} for the parts of a day at its edges (none when the
 * period is made of whole days of the centre, as the open figures' are), so a year reads about 365 rows per service
 * and state-and-span rather than every application filed in it.
 */
final class FigureDays {
    static final long DAY = TimeSpans.DAY;
    /** The sums' days are days of Asia/Karachi (UTC+5 without daylight saving): day d starts at d x DAY - OFFSET. */
    static final long OFFSET = 5 * TimeSpans.HOUR;
    /** Per service, version, tier and rated service ('' for all filed), in days [?, ?): applications and stars. */
    static final String DAY_GROUPS = "SELECT service_id, descriptor_version, tier, rated_service_id,"
            + " SUM(applications), SUM(stars) FROM figure_day WHERE day >= ? AND day < ?"
            + " GROUP BY service_id, descriptor_version, tier, rated_service_id";
    /** Per service, version, tier, state and span, in days [?, ?): first moves. */
    static final String DAY_TIMES = "SELECT service_id, descriptor_version, tier, to_state, up_to, SUM(moves)"
            + " FROM figure_time WHERE day >= ? AND day < ?"
            + " GROUP BY service_id, descriptor_version, tier, to_state, up_to";
    /** The same from the first moves themselves, for applications filed in [?, ?) (a period's edges). */
    static final String EDGE_TIMES = "SELECT service_id, descriptor_version, COALESCE(tier, ''), to_state, "
            + TimeSpans.UP_TO_SQL + ", COUNT(*) FROM figure_move WHERE created_at >= ? AND created_at < ?"
            + " GROUP BY 1, 2, 3, 4, 5";

    /** The centre whose figures these are, or {@code null} for the whole country (every centre summed). */
    private final String centre;

    FigureDays(String centre) {
        this.centre = centre;
    }

    /** @return the query for the country as it is, or with one centre's condition before its GROUP BY */
    private String sql(String query) {
        if (centre == null) {
            return query;
        }
        return query.replace(" GROUP BY", (query.contains("FROM application a") ? " AND a.centre = ?" : " AND centre = ?")
                + " GROUP BY");
    }

    /** Sets the centre after the two period bounds, when there is one. */
    private void bind(PreparedStatement query, long from, long to) throws SQLException {
        query.setLong(1, from);
        query.setLong(2, to);
        if (centre != null) {
            query.setString(3, centre);
        }
    }

    /** Service, version and tier (null as ''), in that order; then rated service or '' for all filed. */
    private final Map<List<Object>, Map<String, long[]>> sums = new TreeMap<>(FigureDays::compare);
    /** Service, version, tier (null as ''), state and span end: first moves. */
    private final Map<List<Object>, long[]> times = new TreeMap<>(FigureDays::compare);

    /** Adds the period [from, to) in epoch milliseconds. */
    void add(Connection c, long from, long to) throws SQLException {
        long firstDay = Math.floorDiv(from + OFFSET + DAY - 1, DAY);
        long endDay = Math.floorDiv(to + OFFSET, DAY);
        if (firstDay >= endDay) {
            edge(c, from, to);
            return;
        }
        edge(c, from, start(firstDay));
        days(c, firstDay, endDay);
        edge(c, start(endDay), to);
    }

    private static long start(long day) {
        return day * DAY - OFFSET;
    }

    private void days(Connection c, long firstDay, long endDay) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql(DAY_GROUPS))) {
            bind(query, firstDay, endDay);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    add(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                            rows.getLong(6));
                }
            }
        }
        times(c, DAY_TIMES, firstDay, endDay);
    }

    /** Adds [from, to) from the applications and their first moves. */
    private void edge(Connection c, long from, long to) throws SQLException {
        if (from >= to) {
            return;
        }
        try (PreparedStatement query = c.prepareStatement(sql(SqlApplicationStore.FIGURE_GROUPS))) {
            bind(query, from, to);
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
        times(c, EDGE_TIMES, from, to);
    }

    private void times(Connection c, String sql, long from, long to) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql(sql))) {
            bind(query, from, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.computeIfAbsent(Arrays.asList(rows.getString(1), rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5)), k -> new long[1])[0] += rows.getLong(6);
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

    /** @return the facts as the store reports them: groups rated per rated service, then the rest; then the times */
    FigureFacts facts() {
        List<FigureFacts.Group> groups = new ArrayList<>();
        sums.forEach((key, byRated) -> {
            String service = (String) key.get(0);
            int version = (Integer) key.get(1);
            String tier = tier((String) key.get(2));
            long unrated = byRated.getOrDefault("", new long[2])[0];
            for (Map.Entry<String, long[]> e : byRated.entrySet()) {
                if (!e.getKey().isEmpty()) {
                    int n = Math.toIntExact(e.getValue()[0]);
                    groups.add(new FigureFacts.Group(service, version, tier, e.getKey(), n, n, e.getValue()[1]));
                    unrated -= n;
                }
            }
            if (unrated > 0) {
                groups.add(new FigureFacts.Group(service, version, tier, null, Math.toIntExact(unrated), 0, 0));
            }
        });
        List<FigureFacts.Times> spans = new ArrayList<>();
        times.forEach((key, n) -> {
            long upTo = (Long) key.get(4);
            spans.add(new FigureFacts.Times((String) key.get(0), (Integer) key.get(1), tier((String) key.get(2)),
                    (String) key.get(3), Duration.ofMillis(TimeSpans.above(upTo)), Duration.ofMillis(upTo),
                    Math.toIntExact(n[0])));
        });
        return new FigureFacts(groups, spans);
    }

    private static String tier(String stored) {
        return stored.isEmpty() ? null : stored;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
