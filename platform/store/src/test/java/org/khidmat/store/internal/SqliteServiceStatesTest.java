package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.store.ServiceState;

@ParameterizedClass
@EnumSource(Engine.class)
class SqliteServiceStatesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void upsertsAndReloadsAfterReopening() {
        Instant t1 = Instant.parse("2025-01-01T08:00:00.123Z");
        Instant t2 = Instant.parse("2025-01-02T08:00:00.456Z");
        ServiceState closed = ServiceState.of("nadra.frc", false, "system upgrade", "admin", t1);
        ServiceState other = ServiceState.of("ictpolice.character-cert", true, null, "admin", t1);
        ServiceState reopened = ServiceState.of("nadra.frc", true, null, "admin2", t2);
        try (Database db = engine.open(dir)) {
            SqlServiceStates states = new SqlServiceStates(db, TestChain.of(db));
            assertEquals(Map.of(), states.all());
            states.put(closed);
            states.put(other);
            assertEquals(Map.of("nadra.frc", closed, "ictpolice.character-cert", other), states.all());
            states.put(reopened);
            assertEquals(Map.of("nadra.frc", reopened, "ictpolice.character-cert", other), states.all());
        }
        try (Database db = engine.open(dir)) {
            assertEquals(Map.of("nadra.frc", reopened, "ictpolice.character-cert", other),
                    new SqlServiceStates(db, TestChain.of(db)).all());
        }
    }

    @Test
    void keepsMillisecondsAndDropsFinerPrecision() {
        try (Database db = engine.open(dir)) {
            SqlServiceStates states = new SqlServiceStates(db, TestChain.of(db));
            states.put(ServiceState.of("nadra.frc", false, "x", "admin", Instant.parse("2025-01-01T08:00:00.123456789Z")));
            assertEquals(Instant.parse("2025-01-01T08:00:00.123Z"), states.all().get("nadra.frc").changedAt());
        }
    }
}
