package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When a file that appears in deploy/ is judged: once it is a complete zip and has stopped changing; a file that is
 * not a complete zip is waited for while its size or time still move, and judged only after it has stayed unchanged
 * for {@link #GIVE_UP_NANOS} (a copy that pauses is still being written), or after {@link #NOT_A_ZIP_NANOS} when its
 * first bytes are not a zip's (it can never become a jar).
 */
final class Settling {
    /** How long a file is left before it is looked at again. */
    static final long QUIET_MS = 20;
    /**
     * How long a file that is not (yet) a complete zip must stay unchanged before it is judged: a copy that
     * pauses (a slow disk, a network share, a person dragging a file) is still being written.
     */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A file whose first bytes are not a zip's can never become a jar: it is judged after a second's quiet. */
    static final long NOT_A_ZIP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What a file looked like when last seen, and since when it has looked like that. */
    record Seen(long size, FileTime modified, long sinceNanos) {
    }

    /** What to do with a file after a look. */
    enum Next {
        /** Hand it to the deployer. */
        JUDGE,
        /** It changed: look again after {@link #QUIET_MS}. */
        LOOK_SOON,
        /** Unchanged but not complete: look again after five times that. */
        LOOK_LATER
    }

    private Settling() {
    }

    /**
     * @param before how the file looked last, or null at its first look
     * @return how it looks now ({@code before} itself while it is unchanged), or null when it is gone
     */
    static Seen look(Path file, Seen before, long nowNanos) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (before != null && before.size() == a.size() && before.modified().equals(a.lastModifiedTime())) {
                return before;
            }
            return new Seen(a.size(), a.lastModifiedTime(), nowNanos);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param now how the file looks now, from {@link #look}
     * @param complete whether it is a complete zip now (asked only once it is unchanged)
     * @param startsLikeZip whether its first bytes are a zip's (asked only once it has been quiet a while)
     */
    static Next next(Seen before, Seen now, BooleanSupplier complete, BooleanSupplier startsLikeZip, long nowNanos) {
        if (now != before) {
            return Next.LOOK_SOON;
        }
        long quiet = nowNanos - now.sinceNanos();
        if (complete.getAsBoolean() || quiet > GIVE_UP_NANOS || (quiet > NOT_A_ZIP_NANOS && !startsLikeZip.getAsBoolean())) {
            return Next.JUDGE;
        }
        return Next.LOOK_LATER;
    }
}
