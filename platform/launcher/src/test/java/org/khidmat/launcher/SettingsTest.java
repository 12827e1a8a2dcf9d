package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path temp;

    @Test
    void defaultsAreTheInstallFolderPort8080AndAllAddresses() {
        Settings s = Settings.from(Map.of(), temp);
        assertEquals(temp.toAbsolutePath().normalize(), s.home());
        assertEquals(8080, s.port());
        assertEquals("", s.host());
        assertEquals("http://localhost:8080/", s.url());
    }

    @Test
    void theEnvironmentOverrides() {
        Settings s = Settings.from(Map.of("KHIDMAT_HOME", temp.resolve("centre").toString(), "KHIDMAT_PORT", "9090",
                "KHIDMAT_HOST", "127.0.0.1"), Path.of("/opt/khidmat"));
        assertEquals(temp.resolve("centre"), s.home());
        assertEquals("http://127.0.0.1:9090/", s.url());
    }

    @Test
    void aBadPortIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("KHIDMAT_PORT", "80a"), temp));
        assertEquals("KHIDMAT_PORT must be a port number, not '80a'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("KHIDMAT_PORT", "70000"), temp));
        assertEquals("KHIDMAT_PORT must be from 1 to 65535, not 70000", e.getMessage());
    }

    @Test
    void bundlesComeFromTheHomeWhenItHasThemAndFromTheInstallOtherwise() throws IOException {
        Path install = Files.createDirectories(temp.resolve("install/bundles")).getParent();
        Path home = Files.createDirectories(temp.resolve("home"));
        Settings s = Settings.from(Map.of("KHIDMAT_HOME", home.toString()), install);
        assertEquals(install.resolve("bundles"), s.bundles());
        Files.createDirectories(home.resolve("bundles"));
        assertEquals(home.resolve("bundles"), s.bundles());
    }

    @Test
    void aTakenPortIsNamedBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Settings s = Settings.from(Map.of("KHIDMAT_PORT", Integer.toString(taken.getLocalPort()),
                    "KHIDMAT_HOST", "127.0.0.1"), temp);
            String why = PortCheck.busy(s);
            assertTrue(why.startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), why);
            assertTrue(why.endsWith("Set KHIDMAT_PORT to a free port"), why);
        }
    }

    @Test
    void aFreePortPasses() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertNull(PortCheck.busy(Settings.from(Map.of("KHIDMAT_PORT", Integer.toString(port), "KHIDMAT_HOST", "127.0.0.1"), temp)));
    }

    @Test
    void systemPackagesAreTheJarsExportsWithoutUsesConstraints() throws IOException {
        Path a = jar("a.jar", "org.a;uses:=\"org.b,org.c\";version=\"1.2.3\",org.a.spi;version=\"1.2.3\"");
        Path b = jar("b.jar", null);
        Path c = jar("c.jar", "org.c;version=\"2.0\"");
        assertEquals("org.a;version=\"1.2.3\",org.a.spi;version=\"1.2.3\",org.c;version=\"2.0\"",
                SystemPackages.exportedBy(List.of(a, b, c)));
    }

    private Path jar(String name, String exports) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exports != null) {
            m.getMainAttributes().putValue("Export-Package", exports);
        }
        Path file = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), m)) {
            out.flush();
        }
        return file;
    }
}
