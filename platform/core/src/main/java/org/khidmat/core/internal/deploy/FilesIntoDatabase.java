package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.khidmat.api.store.AgencyOwners;
import org.khidmat.api.store.BundleApprovals;
import org.khidmat.api.store.BundleQuarantine;
import org.khidmat.api.store.WaitingBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upgrade's one step: the deployer's files of a centre from before schema 14 ({@code data/deployer/}
 * {@code agencies.properties}, {@code quarantine.properties}, {@code approved.properties} and the jars waiting in
 * {@code pending/}) are written into the database, then each file is renamed {@code *.moved} (a waiting jar deleted),
 * so the next start finds nothing to move. A file whose content cannot be written stays, and is moved at the next
 * start. Lines outside the grammar (a hand-edited or tampered file) are skipped.
 */
final class FilesIntoDatabase {
    static final String MOVED = ".moved";
    private static final Logger LOG = LoggerFactory.getLogger(FilesIntoDatabase.class);
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;
    private final BundleApprovals approvals;
    private final BundleQuarantine quarantine;
    private final AgencyOwners owners;

    FilesIntoDatabase(Path deployerFolder, BundleApprovals approvals, BundleQuarantine quarantine, AgencyOwners owners) {
        this.folder = deployerFolder;
        this.approvals = approvals;
        this.quarantine = quarantine;
        this.owners = owners;
    }

    /** Moves whatever files there are; @return how many entries were written */
    int run(JarCheck check) {
        int n = 0;
        Instant now = Instant.now();
        n += move("agencies.properties", (key, value) -> {
            if (key.matches("[a-z][a-z0-9]{1,15}") && ManifestSyntax.isSymbolicName(value)) {
                owners.claim(key, value, now);
                return true;
            }
            return false;
        });
        n += move("quarantine.properties", (key, value) -> {
            if (SHA.matcher(key).matches()) {
                quarantine.add(key, value, now);
                return true;
            }
            return false;
        });
        n += move("approved.properties", (key, value) -> {
            if (SHA.matcher(key).matches()) {
                String[] byAt = value.split("\\|", 2);
                approvals.approved(key, byAt[0], byAt.length < 2 ? now : Instant.ofEpochMilli(Long.parseLong(byAt[1].strip())));
                return true;
            }
            return false;
        });
        return n + movePending(check);
    }

    @FunctionalInterface
    private interface Entry {
        boolean write(String key, String value);
    }

    private int move(String name, Entry entry) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            Properties p = new Properties();
            p.load(in);
            for (String key : p.stringPropertyNames()) {
                try {
                    n += entry.write(key, p.getProperty(key)) ? 1 : 0;
                } catch (NumberFormatException e) {
                    LOG.warn("skipped a line of {} that is not the centre's: {}", name, e.getMessage());
                }
            }
            in.close();
            Files.move(file, file.resolveSibling(name + MOVED), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("moved {} entries of data/deployer/{} into the database", n, name);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot move data/deployer/{} into the database: {}; it is tried again at the next start", name,
                    e.toString());
        }
        return n;
    }

    private int movePending(JarCheck check) {
        Path pending = folder.resolve("pending");
        if (!Files.isDirectory(pending)) {
            return 0;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(pending)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")
                    && Files.isRegularFile(meta(f))).toList();
        } catch (IOException e) {
            LOG.error("cannot list the jars waiting in data/deployer/pending: {}", e.getMessage());
            return 0;
        }
        int n = 0;
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(meta(jar))) {
                Properties meta = new Properties();
                meta.load(in);
                Candidate c = check.check(jar);
                String agency = meta.getProperty("agency", "");
                approvals.park(WaitingBundle.of(c.sha256(), c.symbolicName(), c.version().toString(),
                        agency.isEmpty() ? null : agency, meta.getProperty("uploadedBy", "?"),
                        Instant.ofEpochMilli(Long.parseLong(meta.getProperty("uploadedAt", "0").strip()))),
                        Files.readAllBytes(jar));
                in.close();
                Files.delete(meta(jar));
                Files.delete(jar);
                n++;
            } catch (Refusal r) {
                LOG.warn("a jar waiting in data/deployer/pending no longer checks and is left there: {}", r.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.error("cannot move the waiting jar {} into the database: {}; it is tried again at the next start",
                        jar.getFileName(), e.toString());
            }
        }
        return n;
    }

    private static Path meta(Path jar) {
        return jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".properties"));
    }
}
