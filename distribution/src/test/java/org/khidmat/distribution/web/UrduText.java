package org.khidmat.distribution.web;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What an Urdu page must not show: English words in its Urdu text, and ASCII commas beside Urdu letters (Urdu
 * writes "،"). Text that is meant to stay Latin is skipped: whatever an element marks as another language
 * ({@code lang="en"}, the language switch) or as left to right ({@code dir="ltr"}: references, CNICs, challan
 * numbers, bundle names) or that the text isolates with U+2066 ... U+2069, codes ({@code code}, {@code kbd}, {@code samp}), a run of letters with a digit in it or of capitals joined by hyphens (a reference)
 * and acronyms of two to four capitals.
 */
final class UrduText {
    private static final String WALK = """
            const what = arguments[0], found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const t = walker.currentNode, el = t.parentElement;
              if (!el || !t.data.trim() || el.closest('script, style, noscript, [hidden]') || !el.getClientRects().length) continue;
              const lang = el.closest('[lang]'), ur = lang && lang.getAttribute('lang') === 'ur';
              const where = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '');
              const text = t.data.trim().replace(/\\s+/g, ' ').slice(0, 90);
              // what the text isolates left to right itself (U+2066 ... U+2069) is marked as such
              const data = t.data.replace(/\\u2066[^\\u2069]*\\u2069/g, ' ');
              if (what === 'unmarked') {
                if (!ur && /[\\u0600-\\u06FF]/.test(t.data)) found.push(where + ' is Urdu not marked lang="ur": ' + text);
                continue;
              }
              if (!ur || el.closest('code, kbd, samp, [dir=ltr], input, textarea')) continue;
              if (what === 'codes') {
                if (!/[\\u0600-\\u06FF]/.test(data)) continue; // a code alone in its element cannot be mixed up
                // a reference or a token (KM7Q-4XPA-K, A-017) in Urdu text: isolated left to right, or the bidi algorithm
                // may move its parts about and a line may break in it
                const codes = data.match(/(?<![A-Za-z0-9])(?:(?=[A-Z0-9-]*[0-9])(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9])(?![A-Za-z0-9])/g);
                if (codes) found.push(where + ' ' + JSON.stringify(codes) + ' not isolated left to right: ' + text);
              } else if (what === 'english') {
                // a run with a digit is a code (a reference, a CNIC, a challan number), not words
                // and an acronym (CSV, JSON, SMS, PKT) is written in Latin letters in Urdu too
                const words = data.split(/\\s+/).filter(r => !/[0-9\\u06F0-\\u06F9]/.test(r) && !/^[(]?[A-Z0-9]+(-[A-Z0-9]+)+[)(.,\\u060c\\u06d4]*$/.test(r))
                    .flatMap(r => r.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) || []).filter(w => !/^[A-Z]{2,4}$/.test(w));
                if (words.length) found.push(where + ' ' + JSON.stringify(words) + ': ' + text);
              } else if (/[\\u0600-\\u06FF][\\s\\u200c]*,|,\\s*[\\u0600-\\u06FF]/.test(data)) {
                found.push(where + ' has an ASCII comma: ' + text);
              }
            }
            return found;
            """;

    private UrduText() {
    }

    /** @return each text of the page now shown, in Urdu, that holds English words: where, the words, the text */
    static List<String> englishOn(Browser browser) {
        return run(browser, "english");
    }

    /** @return each text in Urdu letters, on a page in any language, that is not marked {@code lang="ur"} (so not set in Nastaliq) */
    static List<String> unmarkedOn(Browser browser) {
        return run(browser, "unmarked");
    }

    /** @return each reference or token code in Urdu text that is not isolated left to right, with where it is */
    static List<String> unisolatedCodesOn(Browser browser) {
        return run(browser, "codes");
    }

    /** @return each ASCII comma next to Urdu letters on the page now shown, with where it is */
    static List<String> asciiCommasOn(Browser browser) {
        return run(browser, "commas");
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(Browser browser, String what) {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(WALK, what);
    }
}
