package org.khidmat.core.internal.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.khidmat.api.platform.HealthCheck;
import org.khidmat.api.platform.HealthResult;
import org.khidmat.api.platform.Metrics;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Free space on the disk that holds {@code data/} (the database, its WAL, the deployer's archive): WARN under
 * {@code diskWarnMb} of {@code org.khidmat.health} (default 1024 MB), CRITICAL under a tenth of that, when
 * writes are about to fail. Not a readiness check: reads still work, and the store check says when writes do not.
 */
@Component(property = HealthCheck.NAME + "=disk", configurationPid = HealthConfig.PID)
public final class DiskCheck implements HealthCheck {
    private final Path data;
    private final Metrics metrics;
    private final long warnBytes;

    @Activate
    public DiskCheck(BundleContext context, HealthConfig config, @Reference Metrics metrics) {
        this(Path.of(Limits.text(context.getProperty("khidmat.home"), ".")).resolve("data"), metrics,
                Math.max(1, config.diskWarnMb()) * 1024L * 1024L);
    }

    DiskCheck(Path data, Metrics metrics, long warnBytes) {
        this.data = data;
        this.metrics = metrics;
        this.warnBytes = warnBytes;
    }

    @Override
    public HealthResult check() {
        long free;
        try {
            free = Files.getFileStore(data).getUsableSpace();
        } catch (IOException e) {
            return HealthResult.critical("cannot read the free space of " + data + ": " + e.getMessage());
        }
        metrics.set("khidmat_data_disk_free_bytes", free);
        String said = (free / (1024 * 1024)) + " MB free for data/";
        if (free < warnBytes / 10) {
            return HealthResult.critical(said + ": writes will fail soon; free space or move data/ to a larger disk");
        }
        return free < warnBytes ? HealthResult.warn(said + ": free space soon") : HealthResult.ok(said);
    }
}
