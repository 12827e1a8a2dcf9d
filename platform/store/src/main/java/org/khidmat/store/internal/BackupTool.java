package org.khidmat.store.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The command line behind {@code bin/khidmat backup FILE} ({@link Backup}, beside a running centre) and
 * {@code bin/khidmat restore FILE [--key KEYFILE]} ({@link Restore}, into a stopped one). Exit codes: 0 done and
 * checked, 1 refused (not good, or the centre runs), 2 could not start (a bad argument, a missing file).
 */
public final class BackupTool {
    private BackupTool() {
    }

    /** @param args {@code [--home DIR] backup FILE} or {@code [--home DIR] restore FILE [--key KEYFILE]} */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("khidmat.home", System.getenv().getOrDefault("KHIDMAT_HOME", ".")));
        int i = 0;
        if (args.length > 1 && args[0].equals("--home")) {
            home = Path.of(args[1]);
            i = 2;
        }
        String command = args.length > i ? args[i] : "";
        String file = args.length > i + 1 ? args[i + 1] : null;
        Path key = args.length == i + 4 && args[i + 2].equals("--key") ? Path.of(args[i + 3]) : null;
        boolean backup = command.equals("backup") && file != null && args.length == i + 2;
        boolean restore = command.equals("restore") && file != null && (args.length == i + 2 || key != null);
        if (!backup && !restore) {
            err.println("usage: khidmat backup FILE                  copy the database of a running centre, checked");
            err.println("       khidmat restore FILE [--key KEYFILE] put a backup in place of a stopped centre's database");
            return 2;
        }
        String url = AuditTool.setting(home, "url", "KHIDMAT_DB_URL");
        if (!url.isEmpty()) {
            err.println("this centre keeps its data in PostgreSQL (url of conf/org.khidmat.store.cfg.json or"
                    + " KHIDMAT_DB_URL), not in data/khidmat.db: " + (backup
                            ? "back it up with pg_dump --format=custom"
                            : "restore a pg_dump with pg_restore --single-transaction into an empty database")
                    + ", then check it with bin/khidmat verify-audit (docs/operations.md, \"PostgreSQL\")");
            return 2;
        }
        try {
            return backup ? Backup.take(home, Path.of(file), out, err) : Restore.run(home, Path.of(file), key, out, err);
        } catch (IOException | SQLException | RuntimeException e) {
            err.println((backup ? "backup" : "restore") + " failed: " + e.getMessage());
            return 2;
        }
    }
}
