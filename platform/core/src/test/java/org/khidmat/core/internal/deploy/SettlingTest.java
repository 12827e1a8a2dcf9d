package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.core.internal.deploy.Settling.Next;
import org.khidmat.core.internal.deploy.Settling.Seen;

/** When a file in deploy/ is judged, by its looks and how long they have not changed, without threads or waiting. */
class SettlingTest {
    private static final long T0 = 1_000_000_000L;
    private static final Seen SEEN = new Seen(10, FileTime.fromMillis(5), T0);
    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("not to be read yet");
    };

    @TempDir
    Path dir;

    private static long after(long seconds) {
        return T0 + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void aFileThatChangedIsLookedAtAgainSoonWithoutReadingIt() {
        Seen changed = new Seen(20, FileTime.fromMillis(6), after(1));
        assertEquals(Next.LOOK_SOON, Settling.next(SEEN, changed, NOT_ASKED, NOT_ASKED, after(1)));
    }

    @Test
    void aCompleteZipThatStoppedChangingIsJudgedAtOnce() {
        assertEquals(Next.JUDGE, Settling.next(SEEN, SEEN, YES, NOT_ASKED, T0));
    }

    @Test
    void anIncompleteZipIsWaitedForUntilItHasBeenQuietForThirtySeconds() {
        assertEquals(Next.LOOK_LATER, Settling.next(SEEN, SEEN, NO, YES, after(29)), "a copy that pauses");
        assertEquals(Next.JUDGE, Settling.next(SEEN, SEEN, NO, YES, after(31)), "given up on: judged as it is");
    }

    @Test
    void aFileThatCanNeverBeAJarIsJudgedAfterASecond() {
        assertEquals(Next.LOOK_LATER, Settling.next(SEEN, SEEN, NO, NOT_ASKED, T0 + TimeUnit.MILLISECONDS.toNanos(900)));
        assertEquals(Next.JUDGE, Settling.next(SEEN, SEEN, NO, NO, T0 + TimeUnit.MILLISECONDS.toNanos(1100)));
    }

    @Test
    void aLookKeepsWhatItSawWhileTheFileIsUnchangedAndSeesNothingOnceItIsGone() throws IOException {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[10]);
        Seen first = Settling.look(jar, null, T0);
        assertEquals(10, first.size());
        assertSame(first, Settling.look(jar, first, after(5)), "unchanged: quiet since the first look");
        Files.write(jar, new byte[12]);
        Seen grown = Settling.look(jar, first, after(6));
        assertNotSame(first, grown);
        assertEquals(after(6), grown.sinceNanos());
        Files.delete(jar);
        assertNull(Settling.look(jar, grown, after(7)));
    }
}
