package org.khidmat.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sign that a centre runs from a home: an exclusive lock on {@code data/khidmat.lock}, held for the launcher's
 * whole life and dropped by the operating system when the process ends (a crash or {@code kill -9} included), with
 * {@code pid=N port=P host=H} written in the file (H: the address its own status check reaches it at). {@code khidmat restore} refuses while someone holds it, {@code khidmat
 * status} reads it, and a second centre started on the same home is refused.
 */
final class RunLock {
    static final String FILE_NAME = "khidmat.lock";
    // kept for the life of the process: the lock goes with the channel
    private static FileChannel held;

    private RunLock() {
    }

    /** @return {@code null} when this process now holds the lock, else why it could not (who holds it) */
    static synchronized String acquire(Path data, int port, String host) throws IOException {
        Files.createDirectories(data);
        Path file = data.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return "a centre already runs from " + data.getParent() + " (" + Files.readString(file).strip()
                    + "); stop it, or give this one another KHIDMAT_HOME";
        }
        channel.truncate(0);
        String address = host == null || host.isBlank() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
        channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + " port=" + port + " host=" + address + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        held = channel;
        return null;
    }

    /**
     * @param data a home's {@code data/}
     * @return {@code null} when no centre holds the lock, else what the file says ({@code pid=N port=P})
     */
    static String holder(Path data) throws IOException {
        Path file = data.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Files.readString(file).strip();
            }
            if (lock != null) {
                lock.release();
                return null;
            }
        }
        return Files.readString(file).strip();
    }
}
