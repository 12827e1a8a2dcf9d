package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a centre runs from a home: the launcher holds an exclusive lock on {@code data/khidmat.lock} for its whole
 * life (the operating system drops it when the process ends, a crash included) and writes its pid and port in it.
 * A lock held by someone means a centre runs there.
 */
final class CentreLock {
    static final String FILE_NAME = "khidmat.lock";

    private CentreLock() {
    }

    /** @return {@code null} when no centre holds the lock, else what the lock file says (pid and port) */
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
                lock = null;
            }
            if (lock != null) {
                lock.release();
                return null;
            }
        }
        String says = Files.readString(file, StandardCharsets.UTF_8).strip();
        return says.isEmpty() ? "a process" : says;
    }
}
