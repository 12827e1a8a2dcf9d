package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeployState} reads back what it wrote, and nothing a tampered file slips in reaches outside its folder. */
class DeployStateTest {
    @TempDir
    Path home;

    @Test
    void tamperedLinesAreDroppedOrCutBackToTheFolder() throws Exception {
        Path folder = Files.createDirectories(home.resolve("data").resolve("deployer"));
        Files.writeString(folder.resolve("installed.properties"), String.join("\n",
                "org.good=1.0.0-abcdef012345.jar|good.jar|admin|1700000000000",
                "../../conf=1.0.0-abcdef012345.jar|conf.jar|admin|1700000000000",
                "org.climbs=../../../conf/users.properties|climbs.jar|admin|1700000000000",
                "org.source=1.0.0-abcdef012345.jar|../../conf/x.jar|admin|1700000000000",
                "org.bad\\u001bname=1.0.0-abcdef012345.jar|x.jar|admin|1700000000000", ""));

        Map<String, DeployState.Entry> loaded = new DeployState(folder).load();

        assertEquals(Set.of("org.good", "org.source"), loaded.keySet(), "names outside the grammar and climbing jars dropped");
        assertEquals("good.jar", loaded.get("org.good").sourceFile());
        assertNull(loaded.get("org.source").sourceFile(), "a source file outside deploy/ is forgotten, so nothing is kept for it");
        for (DeployState.Entry e : loaded.values()) {
            assertTrue(SafePaths.isPlainName(e.archivedJar()), e.archivedJar());
        }
    }

    @Test
    void historyNeverPrunesAFolderThatClimbs() throws Exception {
        Path archive = Files.createDirectories(home.resolve("data").resolve("deployer"));
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("users.properties"), "keep me");
        History.prune(archive.resolve("../../conf"), null);
        assertTrue(Files.exists(conf.resolve("users.properties")), "conf/ untouched");
    }
}
