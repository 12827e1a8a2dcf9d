package org.khidmat.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The store's health check ({@code store}, gating readiness) and its timings: every read and write goes to the
 * {@code khidmat_store_seconds} histogram, and the time it waited for a reader or for the writer to
 * {@code khidmat_store_lock_wait_seconds}. Registered only once {@link DatabaseComponent} has opened the database, so the
 * centre is not ready before. The check fails when the database file was moved, deleted or replaced under the
 * running centre (its open connections would go on writing into a file nobody will find after a restart), is no longer
 * readable and writable, or does not answer a read within {@link #PROBE_LIMIT}.
 */
@Component(property = {HealthCheck.NAME + "=store", HealthCheck.READINESS + ":Boolean=true"})
public final class StoreWatch implements HealthCheck {
    static final Duration PROBE_LIMIT = Duration.ofSeconds(2);
    private final Database database;
    /** The SQLite file, or {@code null} on PostgreSQL (no file of this node to watch). */
    private final Path file;
    private final Object fileKey;

    @Activate
    public StoreWatch(@Reference Database database, @Reference Metrics metrics) {
        this.database = database;
        this.file = database instanceof SqliteDatabase sqlite ? sqlite.file() : null;
        this.fileKey = file == null ? null : fileKey(file);
        database.timeWith((kind, asked, began, ended) -> {
            metrics.observe("khidmat_store_seconds", (ended - asked) / 1e9, kind);
            metrics.observe("khidmat_store_lock_wait_seconds", ((began == 0 ? ended : began) - asked) / 1e9, kind);
        });
    }

    @Deactivate
    void stop() {
        database.timeWith(StoreTimer.NONE);
    }

    @Override
    public HealthResult check() {
        if (file == null) {
            return probe("the database " + database.describe() + " answers");
        }
        String name = "data/" + file.getFileName(); // the answer is public: no path of the machine
        if (!Files.exists(file)) {
            return HealthResult.critical("the database file " + name + " is gone (moved or deleted): what is written now is"
                    + " lost at the next restart; stop the centre and put the file back, or restore a backup");
        }
        if (fileKey != null && !Objects.equals(fileKey, fileKey(file))) {
            return HealthResult.critical("the database file " + name + " was replaced under the running centre; restart"
                    + " the centre to open the new file, or put the old one back");
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            return HealthResult.critical("the database file " + name + " is not readable and writable by the centre's"
                    + " user; check its owner and permissions");
        }
        return probe("the database " + file.getFileName() + " answers");
    }

    private HealthResult probe(String ok) {
        try {
            database.read("check the store", PROBE_LIMIT, c -> database.dialect().schemaVersion(c));
        } catch (RuntimeException e) {
            return HealthResult.critical("the database does not answer: " + e.getMessage());
        }
        return HealthResult.ok(ok);
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
