package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.StoreException;

@ParameterizedClass
@EnumSource(Engine.class)
class SqliteApplicationStoreTest {
    @Parameter
    Engine engine;

    private static final Instant FILED = Instant.parse("2025-03-14T09:26:53.589Z");
    private static final String CNIC = "3520212345671";

    @TempDir
    Path dir;
    private Database db;
    private SqlApplicationStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new SqlApplicationStore(db, TestChain.of(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createFindAndHistoryRoundTrip() {
        ApplicationRecord record = application("KM7Q-4XPA-K", "nadra", "nadra.cnic-renewal", FILED);
        StatusChange first = submission(record);
        store.create(record, first);

        ApplicationRecord found = store.find("KM7Q-4XPA-K").orElseThrow();
        assertEquals(record, found);
        assertEquals(List.of("zeta", "alpha", "mid", "پتہ"), List.copyOf(found.answers().keySet()), "form order");
        assertEquals(FILED, found.createdAt());
        assertEquals(List.of(first), store.history("KM7Q-4XPA-K"));
        assertTrue(store.find("NOPE-NOPE-N").isEmpty());
        assertEquals(List.of(), store.history("NOPE-NOPE-N"));
        assertTrue(storedAnswers("KM7Q-4XPA-K").startsWith("{\"zeta\":"), "stored JSON keeps the order");
    }

    @Test
    void refusesADuplicateReferenceAndKeepsTheOriginal() {
        ApplicationRecord original = application("KM7Q-4XPA-K", "nadra", "nadra.cnic-renewal", FILED);
        store.create(original, submission(original));
        ApplicationRecord other = new ApplicationRecord("KM7Q-4XPA-K", "ictpolice.character-cert", 2, "ictpolice",
                "4210100000001", "fast", Map.of("x", "y"), "submitted", "paid", FILED.plusSeconds(5),
                FILED.plusSeconds(5));

        StoreException e = assertThrows(StoreException.class, () -> store.create(other, submission(other)));
        assertTrue(e.getMessage().contains("KM7Q-4XPA-K") && e.getMessage().contains("already exists"), e.getMessage());
        assertFalse(e.getMessage().contains("4210100000001"), "no CNIC in messages");
        assertEquals(original, store.find("KM7Q-4XPA-K").orElseThrow());
        assertEquals(1, store.history("KM7Q-4XPA-K").size());
    }

    @Test
    void movesOnlyFromTheExpectedState() {
        ApplicationRecord record = application("KM7Q-4XPA-K", "nadra", "nadra.cnic-renewal", FILED);
        store.create(record, submission(record));
        Instant later = FILED.plusSeconds(3600);

        assertFalse(store.move(new StatusChange("KM7Q-4XPA-K", later, "clerk1", "verified", "approved", null)));
        assertEquals(record, store.find("KM7Q-4XPA-K").orElseThrow(), "unchanged after a failed move");
        assertEquals(1, store.history("KM7Q-4XPA-K").size());

        StatusChange verify = new StatusChange("KM7Q-4XPA-K", later, "clerk1", "submitted", "verified", "docs ok");
        assertTrue(store.move(verify));
        ApplicationRecord moved = store.find("KM7Q-4XPA-K").orElseThrow();
        assertEquals("verified", moved.status());
        assertEquals(later, moved.updatedAt());
        assertEquals(FILED, moved.createdAt());
        assertEquals(List.of(submission(record), verify), store.history("KM7Q-4XPA-K"));

        assertFalse(store.move(verify), "the same move again finds the application no longer in 'submitted'");
        assertFalse(store.move(new StatusChange("NOPE-NOPE-N", later, "clerk1", "submitted", "verified", null)));
        assertEquals(2, store.history("KM7Q-4XPA-K").size());
    }

    @Test
    void listsByFiltersNewestFirst() {
        create("A", "nadra", "nadra.cnic-renewal", FILED);
        create("B", "nadra", "nadra.frc", FILED.plusSeconds(1));
        create("C", "ictpolice", "ictpolice.character-cert", FILED.plusSeconds(2));
        create("D", "nadra", "nadra.cnic-renewal", FILED.plusSeconds(3));
        store.move(new StatusChange("D", FILED.plusSeconds(9), "clerk1", "submitted", "approved", null));

        assertEquals(List.of("D", "C", "B", "A"), refs(store.list(null, null, null, 10)));
        assertEquals(List.of("D", "C"), refs(store.list(null, null, null, 2)));
        assertEquals(List.of("D", "B", "A"), refs(store.list("nadra", null, null, 10)));
        assertEquals(List.of("D", "A"), refs(store.list(null, "nadra.cnic-renewal", null, 10)));
        assertEquals(List.of("B", "A"), refs(store.list("nadra", null, "submitted", 10)));
        assertEquals(List.of("D"), refs(store.list("nadra", "nadra.cnic-renewal", "approved", 10)));
        assertEquals(List.of(), refs(store.list("ictpolice", "nadra.frc", null, 10)));
        assertEquals(List.of(), refs(store.list(null, null, null, 0)));
    }

    @Test
    void dataSurvivesClosingAndReopening() {
        ApplicationRecord record = application("KM7Q-4XPA-K", "nadra", "nadra.cnic-renewal", FILED);
        store.create(record, submission(record));
        StatusChange move = new StatusChange("KM7Q-4XPA-K", FILED.plusMillis(1), "clerk1", "submitted", "verified", "");
        store.move(move);
        store.keepDescriptor("nadra.cnic-renewal", 3, "{\"id\":\"nadra.cnic-renewal\"}");
        db.close();

        db = engine.open(dir);
        store = new SqlApplicationStore(db, TestChain.of(db));
        ApplicationRecord found = store.find("KM7Q-4XPA-K").orElseThrow();
        assertEquals(List.copyOf(record.answers().keySet()), List.copyOf(found.answers().keySet()));
        assertEquals("verified", found.status());
        assertEquals(FILED.plusMillis(1), found.updatedAt());
        assertEquals(List.of(submission(record), move), store.history("KM7Q-4XPA-K"));
        assertEquals("{\"id\":\"nadra.cnic-renewal\"}", store.descriptor("nadra.cnic-renewal", 3).orElseThrow());
    }

    @Test
    void keepsTheFirstDescriptorTextForAVersion() {
        store.keepDescriptor("nadra.frc", 1, "{\"v\":1}");
        store.keepDescriptor("nadra.frc", 1, "{\"v\":\"changed\"}");
        store.keepDescriptor("nadra.frc", 2, "{\"v\":2}");
        assertEquals("{\"v\":1}", store.descriptor("nadra.frc", 1).orElseThrow());
        assertEquals("{\"v\":2}", store.descriptor("nadra.frc", 2).orElseThrow());
        assertTrue(store.descriptor("nadra.frc", 3).isEmpty());
        assertTrue(store.descriptor("nadra.other", 1).isEmpty());
    }

    @Test
    void historyNeedsAnApplication() {
        StoreException e = assertThrows(StoreException.class, () -> db.write("add orphan history", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO status_history (reference, at, actor, to_state)"
                        + " VALUES ('NOPE', 0, 'x', 'submitted')");
            }
        }));
        assertTrue(e.getMessage().toUpperCase(java.util.Locale.ROOT).contains("FOREIGN KEY"), e.getMessage());
    }

    @Test
    void aClosedStoreSaysSo() {
        db.close();
        StoreException e = assertThrows(StoreException.class, () -> store.find("KM7Q-4XPA-K"));
        assertEquals("could not read application KM7Q-4XPA-K: the store is closed", e.getMessage());
    }

    private void create(String reference, String agency, String serviceId, Instant at) {
        ApplicationRecord record = application(reference, agency, serviceId, at);
        store.create(record, submission(record));
    }

    private static ApplicationRecord application(String reference, String agency, String serviceId, Instant at) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("zeta", "last letter, first field");
        answers.put("alpha", "\"quoted\", with\nnewline");
        answers.put("mid", null);
        answers.put("پتہ", "اسلام آباد");
        return new ApplicationRecord(reference, serviceId, 1, agency, CNIC, "normal", answers, "submitted", "pending",
                at, at);
    }

    private static StatusChange submission(ApplicationRecord record) {
        return new StatusChange(record.reference(), record.createdAt(), "citizen", null, "submitted", null);
    }

    private String storedAnswers(String reference) {
        return db.read("read raw answers", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT answers FROM application WHERE reference = ?")) {
                q.setString(1, reference);
                try (ResultSet rows = q.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
    }

    private static List<String> refs(List<ApplicationRecord> records) {
        return records.stream().map(ApplicationRecord::reference).toList();
    }
}
