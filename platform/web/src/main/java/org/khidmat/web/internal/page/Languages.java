package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
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
 * bundle (or, in unit tests, in the class folder), English first; and the one a request asks for ({@link #of}).
 */
public final class Languages {
    private static final Pattern FILE = Pattern.compile("([a-z]+)_([a-z]{2,3})\\.properties");
    private static final Map<String, List<String>> AVAILABLE = new ConcurrentHashMap<>();
    /** The direction of each language some book has words in, as {@link #dir} found it. */
    private static final Map<String, String> DIRS = new ConcurrentHashMap<>();
    private static final List<String> BOOKS = List.of(Messages.CITIZEN, Messages.HALL, Messages.PAY, Messages.FIGURES, Messages.STAFF);

    private Languages() {
    }

    /** @return the languages {@code book} has a file for, English first */
    public static List<String> available(String book) {
        return AVAILABLE.computeIfAbsent(book, Languages::find);
    }

    /** @return whether some book of the citizen's pages or the consoles has words in {@code lang} (a file of its own) */
    public static boolean known(String lang) {
        return lang != null && BOOKS.stream().anyMatch(book -> available(book).contains(lang));
    }

    /** @return every language some book has words in, English first */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (String book : BOOKS) {
            for (String l : available(book)) {
                if (!out.contains(l)) {
                    out.add(l);
                }
            }
        }
        out.sort((x, y) -> x.equals(Messages.FALLBACK) ? -1 : y.equals(Messages.FALLBACK) ? 1 : 0);
        return out;
    }

    /** @return the language's own name ({@code language.name}) from the first book that has words in it */
    public static String name(String lang) {
        return BOOKS.stream().filter(book -> available(book).contains(lang)).findFirst()
                .map(book -> Messages.of(book, lang).get("language.name")).orElse(lang);
    }

    /** @return the language's direction, {@code rtl} or {@code ltr} ({@code language.dir}), left to right when unknown */
    public static String dir(String lang) {
        // asked for every word a page writes: the books' languages are found once, so their directions are kept
        String known = lang == null ? null : DIRS.get(lang);
        if (known != null) {
            return known;
        }
        String dir = BOOKS.stream().filter(book -> available(book).contains(lang)).findFirst()
                .map(book -> Messages.of(book, lang).dir()).orElse(null);
        if (dir == null) {
            return "ltr"; // not a language of any book: not kept, so that no request can grow the map
        }
        DIRS.putIfAbsent(lang, dir);
        return dir;
    }

    /** @return the locale of the language's numbers and dates ({@code language.locale}), English's when it says none */
    public static Locale locale(String lang) {
        return BOOKS.stream().filter(book -> available(book).contains(lang)).findFirst()
                .map(book -> Messages.of(book, lang).locale()).orElse(Locale.forLanguageTag(Messages.FALLBACK));
    }

    /** @return the day in words in the language ({@code Monday 5 January 2026}, {@code پیر 5 جنوری 2026}) */
    public static String day(LocalDate day, String lang) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale(lang)).format(day);
    }

    /**
     * The one choice of language for every audience: {@code ?lang=}, else the remembered one ({@link Layout#LANG_COOKIE}),
     * else the centre's default (the first of its languages); only a language the {@link Site} offers.
     *
     * @return the language of the request's pages
     */
    public static String of(Request request) {
        List<String> offered = Site.of(request).languages();
        String q = Exchange.query(request).get("lang");
        if (q != null && offered.contains(q)) {
            return q;
        }
        String c = Exchange.cookie(request, Layout.LANG_COOKIE);
        return c != null && offered.contains(c) ? c : offered.get(0);
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
