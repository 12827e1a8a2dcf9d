package org.khidmat.launcher.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting of the centre in one table, the one {@code docs/configuration.md} shows (a test keeps the two
 * alike). The components read the same keys through their DS component property types, with the same defaults.
 */
public final class SettingTable {
    static final String CENTRE = "org.khidmat.centre";
    static final String APPOINTMENTS = "org.khidmat.appointments";
    static final String HTTP = "org.khidmat.http";
    static final String WEB = "org.khidmat.web";
    static final String DEPLOY = "org.khidmat.deploy";
    static final String STORE = "org.khidmat.store";
    static final String HEALTH = "org.khidmat.health";

    /**
     * A setting read before the framework starts (by {@code bin/khidmat} or the launcher's {@code main}), from the
     * environment only: it cannot wait for Config Admin, or it is a secret that must not be stored there.
     *
     * @param variable the environment variable
     * @param fallback the default, as written in the documentation
     * @param meaning what it does, in a sentence
     */
    record LauncherOnly(String variable, String fallback, String meaning) {
    }

    static final List<LauncherOnly> LAUNCHER_ONLY = List.of(
            new LauncherOnly("KHIDMAT_HOME", "(the folder above bin/)", "where the centre lives: conf/, data/, deploy/,"
                    + " logs/"),
            new LauncherOnly("KHIDMAT_ADMIN_PASSWORD", "(random, in data/initial-admin-password)",
                    "the first admin's password, at the first start only"),
            new LauncherOnly("KHIDMAT_LOG_FORMAT", "text", "text, or json for one JSON object a line"),
            new LauncherOnly("KHIDMAT_LOG_FILE_MB", "10", "the size of a log file in logs/ before it rotates (1 to 1024)"),
            new LauncherOnly("KHIDMAT_LOG_FILES", "5", "how many log files are kept (1 to 100)"),
            new LauncherOnly("KHIDMAT_HEAP", "256m", "the most heap the JVM may take, as -Xmx: 512m, 1g"),
            new LauncherOnly("KHIDMAT_CDS", "on", "off runs without the class-data archive kept in data/"));

    static final List<Setting> ALL = List.of(
            Setting.of(CENTRE, "id", Kind.CODE, "default", "KHIDMAT_CENTRE", false,
                    "the centre this node serves, a code like isb-g11; nodes with the same id share its queue,"
                    + " counters and hall screen"),
            Setting.of(CENTRE, "name", Kind.NAME, "Asan Khidmat Markaz", "", true,
                    "the centre's full name, on its pages and receipts"),
            Setting.of(CENTRE, "names", Kind.LIST, "[]", "", true,
                    "the centre's name in other languages, as \"<language>=<name>\"; a language without one shows `name`"),
            Setting.of(CENTRE, "shortName", Kind.NAME, "Khidmat", "", true,
                    "a short name for page headers and the hall screen (the metrics' centre label is the centre's `id`)"),
            Setting.of(CENTRE, "zone", Kind.ZONE, "Asia/Karachi", "", true,
                    "the time zone of the centre's days, opening hours, receipts and the times it shows"),
            Setting.of(CENTRE, "logo", Kind.TEXT, "(none)", "", true, "path of the logo under the web root"),
            Setting.of(CENTRE, "colour", Kind.COLOUR, "#01411c", "", true, "the brand colour, #rrggbb"),
            Setting.of(CENTRE, "languages", Kind.LIST, "[\"en\", \"ur\"]", "", true,
                    "the languages offered, ISO 639-1 codes, the first is the default"),
            Setting.of(CENTRE, "node", Kind.TEXT, "(host name:port)", "KHIDMAT_NODE", false,
                    "this node's name among the nodes sharing one database (leases, outbox claims, the bundles'"
                            + " outcomes per node); unique per node"),
            Setting.of(APPOINTMENTS, "opens", Kind.TIME, "09:00", "", true, "first appointment slot of the day"),
            Setting.of(APPOINTMENTS, "closes", Kind.TIME, "16:00", "", true,
                    "end of the last slot (must be after opens)"),
            Setting.number(APPOINTMENTS, "slotMinutes", 5, 480, "30", "", true, "length of a slot"),
            Setting.number(APPOINTMENTS, "capacity", 0, 1000, "4", "", true, "appointments per slot for every service"),
            Setting.of(APPOINTMENTS, "serviceCapacity", Kind.LIST, "[]", "", true,
                    "per-service capacity as \"<service id>=<n>\""),
            Setting.number(APPOINTMENTS, "earliestMinutes", 0, 600, "30", "", true,
                    "check-in opens this long before the slot"),
            Setting.number(APPOINTMENTS, "latestMinutes", 0, 600, "10", "", true,
                    "later than this after the slot's start the appointment is cancelled"),
            Setting.number(APPOINTMENTS, "daysAhead", 1, 366, "14", "", true, "days that can be booked, today included"),
            Setting.of(APPOINTMENTS, "days", Kind.DAYS, "[\"MON\", ..., \"SAT\"]", "", true,
                    "week days with appointments"),
            Setting.of(APPOINTMENTS, "needApplication", Kind.LIST, "[]", "", true,
                    "services that book appointments for filed applications only"),
            Setting.number(HTTP, "port", 1, 65535, "8080", "KHIDMAT_PORT", false, "the HTTP port"),
            Setting.of(HTTP, "host", Kind.TEXT, "(all addresses)", "KHIDMAT_HOST", false, "the address to listen on"),
            Setting.of(HTTP, "forwarded", Kind.FLAG, "false", "KHIDMAT_BEHIND_PROXY", false,
                    "read X-Forwarded-For/-Proto from the trusted proxies"),
            Setting.of(HTTP, "trustedProxies", Kind.LIST, "[\"127.0.0.0/8\", \"::1\"]", "KHIDMAT_TRUSTED_PROXIES", false,
                    "the proxies' addresses or CIDR ranges"),
            Setting.number(WEB, "publicPostsPerMinute", 0, 1_000_000, "120", "KHIDMAT_PUBLIC_POSTS_PER_MINUTE", true,
                    "POSTs of public forms a minute from one address; 0 turns the limit off"),
            Setting.number(DEPLOY, "startTimeoutSeconds", 1, 300, "10", "KHIDMAT_DEPLOY_START_TIMEOUT", false,
                    "an agency bundle's start longer than this quarantines it"),
            Setting.of(DEPLOY, "requireSigned", Kind.FLAG, "false", "KHIDMAT_REQUIRE_SIGNED", false,
                    "accept only bundles signed with the agency's certificate in conf/agencies/"),
            Setting.of(DEPLOY, "watchDeployFolder", Kind.FLAG, "true", "KHIDMAT_WATCH_DEPLOY_FOLDER", false,
                    "watch deploy/; on a multi-node install exactly one node does, the others take the bundle set"),
            Setting.of(STORE, "database", Kind.NAME, "data/khidmat.db", "", false,
                    "the SQLite database file, relative to the centre's home"),
            Setting.number(HEALTH, "outboxWarn", 1, 1_000_000, "100", "", true,
                    "the outbox check warns above this many messages waiting to be sent"),
            Setting.number(HEALTH, "diskWarnMb", 1, 10_000_000, "1024", "", true,
                    "the disk check warns under this many MB free for data/, and is critical under a tenth"),
            Setting.number(HEALTH, "auditCheckMinutes", 1, 1440, "5", "", true,
                    "minutes between two checks of the audit log's new entries (the whole log at start and daily)"),
            Setting.number(HEALTH, "approvalWarnHours", 1, 8760, "24", "", true,
                    "the approvals check warns when a bundle has waited longer than this for a centre admin"),
            Setting.of(STORE, "url", Kind.TEXT, "(none: SQLite)", "KHIDMAT_DB_URL", false,
                    "a jdbc:postgresql://host:port/database URL: the centre keeps its data in that PostgreSQL database"
                            + " instead of SQLite (no password in it: see passwordFile)"),
            Setting.of(STORE, "user", Kind.TEXT, "(none)", "KHIDMAT_DB_USER", false, "the PostgreSQL user"),
            Setting.of(STORE, "passwordFile", Kind.TEXT, "(none)", "KHIDMAT_DB_PASSWORD_FILE", false,
                    "a file holding the PostgreSQL password, owner-only (0600), relative to the centre's home"),
            Setting.number(STORE, "poolSize", 2, 500, "10", "", false, "connections this node keeps to PostgreSQL"));

    private SettingTable() {
    }

    /** @return the setting, if the table has it */
    static Optional<Setting> find(String pid, String key) {
        return ALL.stream().filter(s -> s.pid().equals(pid) && s.key().equals(key)).findFirst();
    }

    /** @return the PIDs of the table */
    static Set<String> pids() {
        Set<String> out = new TreeSet<>();
        ALL.forEach(s -> out.add(s.pid()));
        return out;
    }

    /** @return the keys of one PID, for the message about an unknown key */
    static List<String> keys(String pid) {
        return ALL.stream().filter(s -> s.pid().equals(pid)).map(Setting::key).toList();
    }
}
