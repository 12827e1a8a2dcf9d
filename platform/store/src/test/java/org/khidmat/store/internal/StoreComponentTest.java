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
}
