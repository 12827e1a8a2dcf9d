package org.khidmat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock that tells a running centre from a stopped one, and what {@code khidmat status} makes of it. */
class RunLockTest {
    @TempDir
    Path home;

    @Test
    void aStoppedHomeIsNotRunningAndAHeldLockNamesPidAndPort() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Status.NOT_RUNNING, Status.run(home, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("running=no"), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("lastBackup=none"));
        assertNull(RunLock.holder(home.resolve("data")));

        assertNull(RunLock.acquire(home.resolve("data"), 1, ""));
        String holder = RunLock.holder(home.resolve("data"));
        assertEquals("pid=" + ProcessHandle.current().pid() + " port=1 host=127.0.0.1", holder);
        String second = RunLock.acquire(home.resolve("data"), 2, "127.0.0.1");
        assertTrue(second != null && second.contains("already runs"), second);
        out.reset();
        // port 1 answers nothing: running, not ready
        assertEquals(Status.NOT_READY, Status.run(home, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("running=yes pid=" + ProcessHandle.current().pid()
                + " port=1 ready=no"), out.toString(StandardCharsets.UTF_8));
    }
}
