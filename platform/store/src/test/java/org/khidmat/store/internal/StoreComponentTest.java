package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreComponentTest {

    @Test
    void databaseIsUnderHomeData() {
        assertEquals(Path.of("/srv/khidmat", "data", "khidmat.db"),
                StoreComponent.databaseFile(Map.of("khidmat.home", "/srv/khidmat")::get));
    }

    @Test
    void databaseIsInTheCurrentFolderWithoutHome() {
        assertEquals(Path.of(".", "data", "khidmat.db"), StoreComponent.databaseFile(Map.<String, String>of()::get));
    }

    @Test
    void dbPathOverridesHome() {
        assertEquals(Path.of("/tmp/test.db"), StoreComponent.databaseFile(
                Map.of("khidmat.home", "/srv/khidmat", "khidmat.db.path", "/tmp/test.db")::get));
    }

    @Test
    void theConfiguredDatabaseIsUnderHomeUnlessAbsoluteAndBeatsTheFrameworkProperty() {
        Map<String, String> p = Map.of("khidmat.home", "/srv/khidmat", "khidmat.db.path", "/tmp/test.db");
        assertEquals(Path.of("/srv/khidmat/db/centre.db"), StoreComponent.databaseFile("db/centre.db", p::get));
        assertEquals(Path.of("/var/lib/khidmat.db"), StoreComponent.databaseFile("/var/lib/khidmat.db", p::get));
        assertEquals(Path.of("/tmp/test.db"), StoreComponent.databaseFile("", p::get), "not configured");
    }
}
