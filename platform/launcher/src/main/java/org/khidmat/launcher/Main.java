package org.khidmat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.khidmat.launcher.containment.AgencyBundles;
import org.khidmat.launcher.config.ConfigFolder;
import org.khidmat.launcher.config.ConfigWatch;
import org.khidmat.launcher.containment.Containment;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the centre: embeds Apache Felix, installs and starts every platform bundle in {@code bundles/},
 * waits until the centre answers {@code /health}, prints one ready line, and stops cleanly on Ctrl-C or
 * SIGTERM.
 */
public final class Main {
    /**
     * Bundles that are only libraries of the store's PostgreSQL part (the JDBC driver, the pool): installed, so the
     * store's optional imports wire to them, but not started, so a SQLite centre does not run the driver's activator.
     * The store loads their classes only when {@code url} of {@code org.khidmat.store} is set.
     */
    static final java.util.Set<String> LIBRARIES = java.util.Set.of("org.postgresql.jdbc", "com.zaxxer.HikariCP");

    private static final Pattern COUNT = Pattern.compile("\"(services|agencies)\"\\s*:\\s*(\\d+)");
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final String CONFIG_ADMIN = "org.apache.felix.configadmin";
    private static final String HTTP = "org.khidmat.http";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Settings settings;
        Logs logs;
        try {
            settings = Settings.from(System.getenv(), installDir());
            logs = Logs.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("khidmat: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Jetty asks the JMX server whether references are compressed unless told: a tenth of a second at start.
        // 64-byte cache lines hold 16 compressed references (heaps under 32 GB, this JVM's default)
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        }
        logs.setUp(settings.home());
        Logger log = LoggerFactory.getLogger(Main.class);
        ConfigFolder config = ConfigFolder.read(settings.home().resolve("conf"), System.getenv(), systemProperties(),
                LoggerFactory.getLogger(ConfigFolder.class));
        settings = settings.listening(config.value(HTTP, "port"), config.value(HTTP, "host"));
        String busy = PortCheck.busy(settings);
        if (busy != null) {
            System.err.println("khidmat: " + busy);
            System.exit(2);
            return;
        }
        String running = RunLock.acquire(settings.home().resolve("data"), settings.port(), settings.host());
        if (running != null) {
            System.err.println("khidmat: " + running);
            System.exit(2);
            return;
        }
        int mended = OwnerOnly.tighten(settings.home().resolve("data"), settings.home().resolve("logs"));
        if (mended > 0) {
            log.warn("Made {} files and folders under data/ and logs/ readable by this user only; they held personal data"
                    + " open to every local user (start the centre with bin/khidmat, which sets umask 077)", mended);
        }
        if (!"off".equals(System.getProperty("khidmat.warmup"))) {
            Warmup.start(settings.home().resolve("data"));
        } else {
            NativeSqlite.prepare(settings.home().resolve("data"));
        }
        // tells this centre's /health from another server's on the same port; not a secret, so no SecureRandom
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String instance = new UUID(random.nextLong(), random.nextLong()).toString();
        log.debug("logging set up at {} ms", (System.nanoTime() - t0) / 1_000_000);
        Map<String, String> properties = frameworkProperties(settings, config);
        log.debug("framework properties ready at {} ms", (System.nanoTime() - t0) / 1_000_000);
        properties.put("khidmat.instance", instance);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.init();
        // before any bundle resolves or starts, the cached agency bundles included
        Containment.register(framework.getBundleContext(), properties.get(AgencyBundles.PACKAGES_PROPERTY));
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                log.error("framework: {} {}", event.getBundle().getSymbolicName(),
                        event.getThrowable() == null ? "" : event.getThrowable().getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, log), "khidmat-shutdown"));
        log.debug("framework initialised at {} ms", (System.nanoTime() - t0) / 1_000_000);
        List<Bundle> bundles = install(framework, settings.bundles(), log);
        framework.start();
        configure(framework, bundles, config, log);
        log.debug("configuration handed to Config Admin at {} ms", (System.nanoTime() - t0) / 1_000_000);
        log.debug("{} platform bundles installed at {} ms", bundles.size(), (System.nanoTime() - t0) / 1_000_000);
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && !LIBRARIES.contains(b.getSymbolicName())) {
                try {
                    b.start();
                    log.debug("started {} at {} ms", b.getSymbolicName(), (System.nanoTime() - t0) / 1_000_000);
                } catch (BundleException e) {
                    log.error("platform bundle {} did not start: {}", b.getSymbolicName(), e.getMessage());
                }
            }
        }
        String health = awaitHealth(settings, instance);
        if (health == null) {
            log.error("the centre did not answer {}health within {} s; see logs/", settings.url(), READY_LIMIT.toSeconds());
            System.exit(1);
        }
        Map<String, String> counts = new HashMap<>();
        Matcher m = COUNT.matcher(health);
        while (m.find()) {
            counts.put(m.group(1), m.group(2));
        }
        System.out.printf("Khidmat is ready at %s serving %s services from %s agencies (started in %.2f s)%n",
                settings.url(), counts.getOrDefault("services", "?"), counts.getOrDefault("agencies", "?"),
                (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        framework.waitForStop(0);
    }

    private static Map<String, String> frameworkProperties(Settings s, ConfigFolder config) throws IOException {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, s.home().resolve("data").resolve("felix-cache").toString());
        // the cache is kept between starts: PlatformBundles and the deployer bring it in line with bundles/ and deploy/
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.exportedBy(SystemPackages.classPath()));
        p.put("khidmat.home", s.home().toString());
        p.put("felix.log.level", "1");
        // the packages agency bundles may import from the platform: the resolver hook and the deployer's check read it
        p.put(AgencyBundles.PACKAGES_PROPERTY, AgencyBundles.DEFAULT_PACKAGES);
        // Felix SCR keeps the components it read from each bundle's XML, so a restart does not parse them again;
        // a bundle updated since is read afresh
        p.put("ds.cache.metadata", "true");
        // the deployer installs a new version of an agency bundle beside the serving one and switches when it is
        // verified; a new build under the same version must be able to stand beside it too
        p.put("org.osgi.framework.bsnversion", "multiple");
        // Jetty is set up from these when the web bundle starts; they need a restart to change
        p.put("khidmat.port", Integer.toString(s.port()));
        p.put("khidmat.host", s.host());
        if (Boolean.TRUE.equals(config.value(HTTP, "forwarded"))) {
            p.put("khidmat.http.forwarded", "true");
        }
        if (config.value(HTTP, "trustedProxies") instanceof String[] proxies) {
            p.put("khidmat.http.trustedProxies", String.join(",", proxies));
        }
        // the first admin's password: a secret, so never written into Config Admin's store
        String admin = System.getProperty("khidmat.admin.password", System.getenv("KHIDMAT_ADMIN_PASSWORD"));
        if (admin != null && !admin.isBlank()) {
            p.put("khidmat.admin.password", admin);
        }
        return p;
    }

    /**
     * Starts Config Admin before every other platform bundle and hands it the configuration, so each component
     * activates with its settings, then watches {@code conf/} for changes.
     */
    private static void configure(Framework framework, List<Bundle> bundles, ConfigFolder config, Logger log) {
        BundleContext context = framework.getBundleContext();
        for (Bundle b : bundles) {
            if (CONFIG_ADMIN.equals(b.getSymbolicName())) {
                try {
                    b.start();
                } catch (BundleException e) {
                    log.error("Config Admin did not start ({}); the components run with their defaults", e.getMessage());
                    return;
                }
            }
        }
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            log.error("no Config Admin in bundles/ ({} is missing); the components run with their defaults", CONFIG_ADMIN);
            return;
        }
        try {
            config.apply(context.getService(ref));
            ConfigWatch.start(config, LoggerFactory.getLogger(ConfigFolder.class));
        } catch (IOException | RuntimeException e) {
            log.error("the configuration could not be handed to Config Admin: {}", e.toString());
        }
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> out = new HashMap<>();
        System.getProperties().forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static List<Bundle> install(Framework framework, Path dir, Logger log) throws IOException {
        return PlatformBundles.sync(framework.getBundleContext(), dir, log);
    }

    /**
     * Asks {@code /health} until it answers 200. HttpURLConnection rather than java.net.http: the latter's
     * module costs a tenth of a second to load, on the path to the ready line.
     */
    private static String awaitHealth(Settings s, String instance) throws InterruptedException {
        String host = s.host().isEmpty() || s.host().equals("0.0.0.0") ? "127.0.0.1" : s.host();
        URL url;
        try {
            url = new URL("http", host, s.port(), "/health");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot address the centre at " + host + ":" + s.port(), e);
        }
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) url.openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    try (InputStream in = c.getInputStream()) {
                        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (body.contains(instance)) {
                            return body;
                        }
                    }
                }
                c.disconnect();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        return null;
    }

    /** Runs in the shutdown hook, where java.util.logging may already be closed: so it prints. */
    private static void stop(Framework framework, Logger log) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                System.out.println("Khidmat is stopping");
                framework.stop();
                FrameworkEvent e = framework.waitForStop(15_000);
                System.out.println(e.getType() == FrameworkEvent.WAIT_TIMEDOUT
                        ? "Khidmat did not stop within 15 s" : "Khidmat stopped");
            }
        } catch (BundleException | InterruptedException e) {
            System.out.println("Khidmat did not stop cleanly: " + e.getMessage());
        }
        System.out.flush();
    }

    private static Path installDir() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".").toAbsolutePath();
        }
    }
}
