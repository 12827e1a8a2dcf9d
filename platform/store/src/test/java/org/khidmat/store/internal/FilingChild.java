package org.khidmat.store.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a process of its own by {@link WriterKillTest}: threads file applications as the centre does and print
 * {@code FILING ref} before each call and {@code ACK ref} once it returned. Before the {@code args[2]}th COMMIT the
 * writer prints {@code AT-COMMIT} and stops there, with that batch written but not committed, to be killed; if
 * nobody kills it within a minute it halts itself, still without committing (and after two minutes in any case).
 */
final class FilingChild {
    private FilingChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(4); // never outlive a test that stopped listening
        });
        watchdog.setDaemon(true);
        watchdog.start();
        SqliteDatabase db = SqliteDatabase.open(Path.of(args[0]));
        AuditChain chain = TestChain.of(db);
        SqlApplicationStore store = new SqlApplicationStore(db, chain);
        int threads = Integer.parseInt(args[1]);
        int killAt = Integer.parseInt(args[2]);
        AtomicInteger commits = new AtomicInteger();
        db.beforeCommit(() -> {
            if (commits.incrementAndGet() >= killAt) {
                System.out.println("AT-COMMIT");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(3);
            }
        });
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread filer = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String reference = "K" + thread + "-" + i;
                    System.out.println("FILING " + reference);
                    FilingTest.file(store, reference, "sms").orElseThrow();
                    System.out.println("ACK " + reference);
                }
            });
            filer.start();
        }
    }
}
