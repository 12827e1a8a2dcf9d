package org.khidmat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fixture: each call gives a place of its own (a schema), empty, UTF-8, sorting text by code point (C). */
class PostgresTest {

    @Test
    void eachCallGivesAFreshEmptyDatabaseThatSortsLikeJava() throws Exception {
        Postgres.Db one = Postgres.database();
        Postgres.Db two = Postgres.database();
        assertNotEquals(one.url(), two.url());
        try (Connection c = one.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v TEXT)");
            s.execute("INSERT INTO t VALUES ('b'), ('B'), ('a'), ('_')");
            try (ResultSet r = s.executeQuery("SELECT string_agg(v, '' ORDER BY v), current_setting('server_encoding')"
                    + " FROM t")) {
                r.next();
                assertEquals("B_ab", r.getString(1), "code point order, as SQLite and String.compareTo");
                assertEquals("UTF8", r.getString(2));
            }
        }
        try (Connection c = two.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            r.next();
            assertEquals(0, r.getInt(1), "the other place does not see the first one's table");
        }
    }
}
