package org.khidmat.distribution.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.khidmat.api.platform.DeployResult;
import org.khidmat.api.platform.Deployer;
import org.khidmat.api.web.Answer;
import org.khidmat.api.web.Page;
import org.khidmat.distribution.TestBundles;
import org.khidmat.launcher.SystemPackages;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The built centre's platform bundles in Felix, with a core service taken away and given back while citizens keep
 * asking: only the pages that need the missing service answer 503 (in English and Urdu), every other page keeps
 * answering as before.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebServicesComeAndGoIT {
    private static final String APPOINTMENTS = "org.khidmat.core.internal.centre.AppointmentDesk";
    private static final String FIGURES = "org.khidmat.core.internal.centre.FigureBook";
    /** A page that asks the appointments service: the days on which a service can be booked. */
    private static final String BOOKING = "/appointments/webit.svc";
    /** Set in the container from the framework property that {@link #config} set outside it. */
    private static int port;

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private Deployer deployer;

    @Configuration
    public Option[] config() throws IOException {
        Path dist = Path.of(System.getProperty("khidmat.dist", "target/khidmat")).toAbsolutePath();
        List<Option> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dist.resolve("bundles"))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jar -> bundles.add(bundle(jar.toUri().toString())));
        }
        List<Path> lib;
        try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
            lib = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        Path home = Files.createTempDirectory("khidmat-it-web-");
        return options(systemPackages(SystemPackages.exportedBy(lib), "org.slf4j;version=\"1.7.36\""),
                frameworkProperty("khidmat.home").value(home.toString()),
                frameworkProperty("khidmat.port").value(Integer.toString(freePort())),
                frameworkProperty("khidmat.host").value("127.0.0.1"),
                junitBundles(), composite(bundles.toArray(Option[]::new)));
    }

    @Before
    public void centreServes() throws Exception {
        port = Integer.parseInt(context.getProperty("khidmat.port"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((!deployer.ready() || get("/").status() != 200) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("the centre did not serve its catalogue", 200, get("/").status());
        if (context.getProperty("khidmat.port") != null && get(BOOKING).status() == 404) {
            Path jar = Files.createTempFile("webit-", ".jar");
            try {
                DeployResult r = deployer.deploy(TestBundles.bundle("org.acme.webit", "1.0.0").descriptor("svc",
                        TestBundles.descriptor("webit.svc", "webit", "Web IT", 1)).writeTo(jar), "it");
                assertTrue(r.message(), r.ok());
            } finally {
                Files.deleteIfExists(jar);
            }
        }
    }

    @Test
    public void appointmentsGoingAwayCloseOnlyTheAppointmentPages() throws Exception {
        assertEquals(200, get(BOOKING).status());
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean run = new AtomicBoolean(true);
        Thread citizens = new Thread(() -> {
            for (int i = 0; run.get() && i < 2_000; i++) {
                check(failures, "GET /", get("/"));
                check(failures, "GET /track", get("/track"));
                check(failures, "GET /api/v1/services", get("/api/v1/services"));
                if (i % 5 == 0) {
                    check(failures, "POST /track", post("/track", "reference=APP-2026-000001&cnic=3520212345671"));
                }
                sleep(30);
            }
        }, "it-citizens");
        citizens.start();
        try {
            ComponentDescriptionDTO desk = appointmentDesk();
            scr.disableComponent(desk).getValue();
            Reply closed = await(BOOKING, s -> s == 503);
            assertEquals("the appointment pages while appointments are away: " + closed.body(), 503, closed.status());
            assertTrue(closed.body(), closed.body().contains("Appointments are not available"));
            assertTrue("no Urdu in " + closed.body(), closed.body().contains("ملاقات"));
            assertEquals(200, get("/queue").status());
            assertEquals(200, get("/services/webit.svc").status());
            assertEquals(200, get("/figures").status());
            Thread.sleep(300); // the citizens keep asking while appointments are away
            scr.enableComponent(desk).getValue();
            assertEquals(200, await(BOOKING, s -> s == 200).status());
            Thread.sleep(200);
        } finally {
            run.set(false);
            citizens.join(10_000);
        }
        assertTrue("pages that do not need appointments failed meanwhile: " + failures, failures.isEmpty());
    }

    @Test
    public void theOpenFiguresArePagesThatGoAndComeWithTheirService() throws Exception {
        assertFalse("/figures is not served by a Page service",
                context.getServiceReferences(Page.class, "(" + Page.PATH + "=/figures)").isEmpty());
        assertEquals(200, get("/figures").status());
        ComponentDescriptionDTO book = core(FIGURES);
        scr.disableComponent(book).getValue();
        try {
            Reply closed = await("/figures", s -> s == 503);
            assertEquals(closed.body(), 503, closed.status());
            assertTrue(closed.body(), closed.body().contains("not available at the moment"));
            assertTrue(closed.body(), closed.body().contains("دستیاب نہیں"));
            assertEquals(503, get("/api/v1/figures").status());
            assertEquals(200, get("/").status());
            assertEquals(200, get("/track").status());
        } finally {
            scr.enableComponent(book).getValue();
        }
        assertEquals(200, await("/figures", s -> s == 200).status());
        assertEquals(200, get("/api/v1/figures").status());
    }

    @Test
    public void aPageRegisteredByAnotherBundleIsServedUntilItLeaves() throws Exception {
        assertEquals(404, get("/it/notices/7").status());
        Page notice = ask -> ask.method().equals("POST")
                ? Answer.redirect("/it/notices/" + ask.parameter("id"))
                : Answer.page(200, "Notice", "<h1 id=\"notice\">Notice " + ask.parameter("id") + " in " + ask.lang() + "</h1>");
        ServiceRegistration<Page> registration = context.registerService(Page.class, notice, new Hashtable<>(Map.of(
                Page.PATH, "/it/notices/{id}", Page.METHODS, new String[] {"GET", "POST"})));
        try {
            Reply a = await("/it/notices/7?lang=ur", s -> s == 200);
            assertEquals(a.body(), 200, a.status());
            assertTrue(a.body(), a.body().contains("<h1 id=\"notice\">Notice 7 in ur</h1>"));
            assertTrue("not in the centre's frame: " + a.body(), a.body().contains("dir=\"rtl\""));
            assertEquals(303, post("/it/notices/8", "x=1").status());
            assertEquals(405, send("DELETE", "/it/notices/8", null).status());
        } finally {
            registration.unregister();
        }
        Reply gone = get("/it/notices/7");
        assertEquals(gone.body(), 503, gone.status());
        assertTrue(gone.body(), gone.body().contains("This page is not available"));
        assertEquals(200, get("/").status());
    }

    private ComponentDescriptionDTO appointmentDesk() {
        return core(APPOINTMENTS);
    }

    private ComponentDescriptionDTO core(String component) {
        for (Bundle b : context.getBundles()) {
            if ("org.khidmat.core".equals(b.getSymbolicName())) {
                ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(b, component);
                if (d != null) {
                    return d;
                }
            }
        }
        throw new AssertionError("no component " + component + " in org.khidmat.core");
    }

    private static void check(List<String> failures, String what, Reply a) {
        if (a.status() != 200) {
            failures.add(what + " -> " + a.status());
        }
    }

    /** @return the first answer of the path that passes, or the last one after 10 s */
    private static Reply await(String path, IntPredicate status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Reply a = get(path);
        while (!status.test(a.status()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            a = get(path);
        }
        return a;
    }

    record Reply(int status, String body) {
    }

    static Reply get(String path) {
        return send("GET", path, null);
    }

    static Reply post(String path, String form) {
        return send("POST", path, form);
    }

    static Reply send(String method, String path, String form) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(5_000);
            c.setInstanceFollowRedirects(false);
            c.setRequestMethod(method);
            if (form != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, body);
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
