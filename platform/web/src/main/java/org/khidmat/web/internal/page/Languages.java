package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Request;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The languages of a book of words ({@link Messages}): one per {@code <book>_<lang>.properties} file, found in the
 * bundle (or, in unit tests, in the class folder), English first; and the one a request asks for.
 */
public final class Languages {
    private static final Pattern FILE = Pattern.compile("([a-z]+)_([a-z]{2,3})\\.properties");
    private static final Map<String, List<String>> AVAILABLE = new ConcurrentHashMap<>();

    private Languages() {
    }

    /** @return the languages {@code book} has a file for, English first */
    public static List<String> available(String book) {
        return AVAILABLE.computeIfAbsent(book, Languages::find);
    }

    /** @return whether some book of the citizen's pages or the consoles has words in {@code lang} (a file of its own) */
    public static boolean known(String lang) {
        return lang != null && Stream.of(Messages.CITIZEN, Messages.HALL, Messages.PAY, Messages.FIGURES, Messages.STAFF)
                .anyMatch(book -> available(book).contains(lang));
    }

    /** @return the language asked for by {@code ?lang=}, else the remembered one ({@link Layout#LANG_COOKIE}), else English */
    public static String of(Request request, String book) {
        String q = Exchange.query(request).get("lang");
        if (q != null && available(book).contains(q)) {
            return q;
        }
        String c = Exchange.cookie(request, Layout.LANG_COOKIE);
        return c != null && available(book).contains(c) ? c : Messages.FALLBACK;
    }

    /** @return {@code asked} when the book has words in it, else {@code otherwise} */
    public static String ofBook(String asked, String otherwise, String book) {
        return asked != null && available(book).contains(asked) ? asked : otherwise;
    }

    private static List<String> find(String book) {
        List<String> names = new ArrayList<>();
        Bundle bundle = FrameworkUtil.getBundle(Languages.class);
        if (bundle != null) {
            Enumeration<URL> found = bundle.findEntries(Messages.FOLDER, book + "_*.properties", false);
            for (URL u : found == null ? Collections.<URL>emptyList() : Collections.list(found)) {
                names.add(u.getPath().substring(u.getPath().lastIndexOf('/') + 1));
            }
        } else {
            // unit tests: every folder of words on the class path (the bundle's, and a test's own languages)
            if (Languages.class.getClassLoader().getResource(Messages.FOLDER + "/" + book + "_" + Messages.FALLBACK + ".properties") == null) {
                throw new IllegalArgumentException("no English file for the words of " + book);
            }
            try {
                for (URL folder : Collections.list(Languages.class.getClassLoader().getResources(Messages.FOLDER))) {
                    if ("file".equals(folder.getProtocol())) {
                        try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
                            files.forEach(p -> names.add(p.getFileName().toString()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> langs = new ArrayList<>();
        for (String n : names) {
            Matcher m = FILE.matcher(n);
            if (m.matches() && m.group(1).equals(book) && !langs.contains(m.group(2))) {
                langs.add(m.group(2));
            }
        }
        langs.sort((x, y) -> x.equals(Messages.FALLBACK) ? -1 : y.equals(Messages.FALLBACK) ? 1 : x.compareTo(y));
        return List.copyOf(langs);
    }
}
