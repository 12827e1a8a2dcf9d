package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.CatalogueEntry;
import org.khidmat.api.platform.Digits;

/**
 * Search by words in English and Urdu that ranks and forgives: every word asked must be found (in the title, the
 * summary, the agency, the category or the id), as a whole word, as the start of one ("renew" finds "renewal"), or,
 * for words of five letters or more, with one letter wrong, missing, extra or swapped ("pasport", "licnece"). A word
 * found in a title counts three times one found elsewhere, a whole word more than a start, a start more than a near
 * miss; the best come first. The words of the whole catalogue are split once per catalogue stamp ({@link Index}).
 */
final class CatalogueSearch {
    private static final int TITLE = 3;

    private CatalogueSearch() {
    }

    /** @return the category's name in every language, so a search in any finds it; its code when it has no words */
    private static String categoryNames(String category) {
        StringBuilder out = new StringBuilder();
        for (String lang : Languages.available(Messages.HALL)) {
            out.append(' ').append(Messages.of(Messages.HALL, lang).getOr("cat." + category, category));
        }
        return out.toString();
    }

    /** A service's words, split once: its titles' and everything else's. */
    record Words(CatalogueEntry entry, String[] title, String[] rest) {
        static Words of(CatalogueEntry e) {
            ServiceDescriptor d = e.descriptor();
            return new Words(e, tokens(d.title().en() + " " + d.title().ur()).toArray(String[]::new),
                    tokens(String.join(" ", d.id(), d.category(), categoryNames(d.category()), d.summary().en(),
                            d.summary().ur(), d.agency().code(), d.agency().name().en(), d.agency().name().ur()))
                            .toArray(String[]::new));
        }
    }

    /** The words of a whole catalogue, for one stamp. */
    record Index(long stamp, List<Words> services) {
        static Index of(long stamp, List<CatalogueEntry> entries) {
            return new Index(stamp, entries.stream().map(Words::of).toList());
        }
    }

    /** @return the services that have every word, best first (ties in catalogue order); all of them for no words */
    static List<CatalogueEntry> search(Index index, String asked) {
        List<String> q = tokens(asked);
        if (q.isEmpty()) {
            return index.services().stream().map(Words::entry).toList();
        }
        record Hit(CatalogueEntry entry, int score, int at) {
        }
        List<Hit> hits = new ArrayList<>();
        List<Words> all = index.services();
        for (int i = 0; i < all.size(); i++) {
            int s = score(all.get(i), q);
            if (s > 0) {
                hits.add(new Hit(all.get(i).entry(), s, i));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparingInt(Hit::at));
        return hits.stream().map(Hit::entry).toList();
    }

    /** @return whether one service has every word (the kiosk's and the appointments' narrowing) */
    static boolean matches(CatalogueEntry e, String asked) {
        List<String> q = tokens(asked);
        return q.isEmpty() || score(Words.of(e), q) > 0;
    }

    /** @return the service's score for the words, 0 when one of them is not found */
    static int score(Words w, List<String> q) {
        int total = 0;
        for (String word : q) {
            int best = Math.max(TITLE * match(word, w.title()), match(word, w.rest()));
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    /** @return 10 for the whole word, 8 for the start of one, 5 for one letter off (words of 5 or more), else 0 */
    static int match(String q, String[] words) {
        int best = 0;
        for (String w : words) {
            if (w.equals(q)) {
                return 10;
            }
            if (w.startsWith(q)) {
                best = Math.max(best, 8);
            } else if (best < 5 && q.length() >= 5 && w.length() >= 4 && oneEditApart(q, w)) {
                best = 5;
            }
        }
        return best;
    }

    /** @return the lowercase words of the text: letters (with their marks) and digits, Urdu digits made ASCII */
    static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(Digits.ascii(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+"))
                .filter(t -> !t.isEmpty()).toList();
    }

    /** @return whether one letter changed, added, removed or two neighbours swapped turn {@code a} into {@code b} */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            return a.regionMatches(i + 1, b, i + 1, la - i - 1)
                    || i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                            && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : a.regionMatches(i, b, i + 1, la - i);
    }
}
