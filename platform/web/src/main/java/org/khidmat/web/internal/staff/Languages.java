package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.page.Layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Request;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The languages of the staff consoles: one per {@code messages_<lang>.properties} file beside {@link Messages}, found
 * in the bundle (or, in unit tests, in the class folder), English first; and the one a request asks for.
 */
final class Languages {
    private static final Pattern FILE = Pattern.compile("messages_([a-z]{2,3})\\.properties");
    private static volatile List<String> available;

    private Languages() {
    }

    static List<String> available() {
        List<String> a = available;
        if (a == null) {
            a = find();
            available = a;
        }
        return a;
    }

    /** @return the language asked for by {@code ?lang=}, else the remembered one ({@link Layout#LANG_COOKIE}), else English */
    static String of(Request request) {
        String q = Exchange.query(request).get("lang");
        if (q != null && available().contains(q)) {
            return q;
        }
        String c = Exchange.cookie(request, Layout.LANG_COOKIE);
        return c != null && available().contains(c) ? c : Messages.FALLBACK;
    }

    private static List<String> find() {
        List<String> names = new ArrayList<>();
        Bundle bundle = FrameworkUtil.getBundle(Languages.class);
        String folder = Languages.class.getPackageName().replace('.', '/');
        if (bundle != null) {
            Enumeration<URL> found = bundle.findEntries(folder, "messages_*.properties", false);
            for (URL u : found == null ? Collections.<URL>emptyList() : Collections.list(found)) {
                names.add(u.getPath().substring(u.getPath().lastIndexOf('/') + 1));
            }
        } else {
            try (Stream<Path> files = Files.list(Paths.get(Languages.class.getResource("messages_en.properties").toURI()).getParent())) {
                files.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> langs = new ArrayList<>();
        for (String n : names) {
            Matcher m = FILE.matcher(n);
            if (m.matches()) {
                langs.add(m.group(1));
            }
        }
        langs.sort((x, y) -> x.equals(Messages.FALLBACK) ? -1 : y.equals(Messages.FALLBACK) ? 1 : x.compareTo(y));
        return List.copyOf(langs);
    }
}
