package org.khidmat.core.internal.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start's admin account. The first start has no accounts: it makes {@code admin} with the password in
 * {@code KHIDMAT_ADMIN_PASSWORD} (framework property {@code khidmat.admin.password}), or else a random one written to
 * {@code data/initial-admin-password}, readable by the centre's own user only. The password hash takes a while by
 * design, so it is made on a thread of its own beside the start; whatever needs accounts waits for it ({@link #await}).
 */
final class FirstAdmin {
    static final String NAME = "admin";
    // the lines keep the category of the service they were written by before, for the operators' log filters
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private volatile CompletableFuture<Void> made = CompletableFuture.completedFuture(null);

    /** Starts making the first admin on a thread of its own; {@code create} makes the account with a password. */
    void start(BundleContext context, Consumer<char[]> create) {
        made = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                make(context, create);
            } finally {
                made.complete(null);
            }
        }, "khidmat-first-admin");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits, at the first start only, until the first admin exists, so a login never races its creation, and a stop
     * during the first start does not leave it half-made (the next start would make it again, with a new password in
     * place of the one the operator may already have read).
     */
    void await() {
        try {
            made.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the first admin account was not made: {}", e.getMessage());
        }
    }

    private static void make(BundleContext context, Consumer<char[]> create) {
        // the launcher turns KHIDMAT_ADMIN_PASSWORD into this property: a secret is not written into Config Admin's store
        String given = context.getProperty("khidmat.admin.password");
        if (given != null && !given.isBlank()) {
            create.accept(given.toCharArray());
            return;
        }
        String password = SessionBook.random().substring(0, 20);
        // the password is kept before the account is made: if it cannot be kept, no account nobody can log in to is
        // made, and the next start tries again
        Path home = Path.of(context.getProperty("khidmat.home") == null ? "." : context.getProperty("khidmat.home"));
        Path file = home.resolve("data").resolve("initial-admin-password");
        try {
            writeOwnerOnly(file, password + "\n");
        } catch (IOException e) {
            LOG.error("could not write the first admin's password to {} ({}); no admin account was made. Set "
                    + "KHIDMAT_ADMIN_PASSWORD, or make the folder writable, and start again", file, e.getMessage());
            return;
        }
        create.accept(password.toCharArray());
        System.out.println("First start: account 'admin' was created; its password is in " + file
                + " (change it after logging in)");
    }

    /**
     * Writes a file that only the centre's user can read: created with those permissions where the file system
     * has POSIX permissions, so that it is never readable by others, not even for a moment.
     */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file); // a file system without POSIX permissions: the folder's own protection applies
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
