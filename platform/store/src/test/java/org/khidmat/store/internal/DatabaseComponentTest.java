package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseComponentTest {

    @Test
    void databaseIsUnderHomeData() {
        assertEquals(Path.of("/srv/khidmat", "data", "khidmat.db"),
                DatabaseComponent.databaseFile(Map.of("khidmat.home", "/srv/khidmat")::get));
    }

    @Test
    void databaseIsInTheCurrentFolderWithoutHome() {
        assertEquals(Path.of(".", "data", "khidmat.db"), DatabaseComponent.databaseFile(Map.<String, String>of()::get));
    }

    @Test
    void dbPathOverridesHome() {
        assertEquals(Path.of("/tmp/test.db"), DatabaseComponent.databaseFile(
                Map.of("khidmat.home", "/srv/khidmat", "khidmat.db.path", "/tmp/test.db")::get));
    }

    @Test
    void theConfiguredDatabaseIsUnderHomeUnlessAbsoluteAndBeatsTheFrameworkProperty() {
        Map<String, String> p = Map.of("khidmat.home", "/srv/khidmat", "khidmat.db.path", "/tmp/test.db");
        assertEquals(Path.of("/srv/khidmat/db/centre.db"), DatabaseComponent.databaseFile("db/centre.db", p::get));
        assertEquals(Path.of("/var/lib/khidmat.db"), DatabaseComponent.databaseFile("/var/lib/khidmat.db", p::get));
        assertEquals(Path.of("/tmp/test.db"), DatabaseComponent.databaseFile("", p::get), "not configured");
    }
}
