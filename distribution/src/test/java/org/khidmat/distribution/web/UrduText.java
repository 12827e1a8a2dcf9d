package org.khidmat.distribution.web;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What an Urdu page must not show: English words in its Urdu text, and ASCII commas beside Urdu letters (Urdu
 * writes "،"). Text that is meant to stay Latin is skipped: whatever an element marks as another language
 * ({@code lang="en"}, the language switch) or as left to right ({@code dir="ltr"}: references, CNICs, challan
 * numbers, bundle names), codes ({@code code}, {@code kbd}, {@code samp}), a run of letters with a digit in it (a reference)
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
              if (what === 'unmarked') {
                if (!ur && /[\\u0600-\\u06FF]/.test(t.data)) found.push(where + ' is Urdu not marked lang="ur": ' + text);
                continue;
              }
              if (!ur || el.closest('code, kbd, samp, [dir=ltr]')) continue;
              if (what === 'english') {
                // a run with a digit is a code (a reference, a CNIC, a challan number), not words
                // and an acronym (CSV, JSON, SMS, PKT) is written in Latin letters in Urdu too
                const words = t.data.split(/\\s+/).filter(r => !/[0-9\\u06F0-\\u06F9]/.test(r))
                    .flatMap(r => r.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) || []).filter(w => !/^[A-Z]{2,4}$/.test(w));
                if (words.length) found.push(where + ' ' + JSON.stringify(words) + ': ' + text);
              } else if (/[\\u0600-\\u06FF][\\s\\u200c]*,|,\\s*[\\u0600-\\u06FF]/.test(t.data)) {
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

    /** @return each ASCII comma next to Urdu letters on the page now shown, with where it is */
    static List<String> asciiCommasOn(Browser browser) {
        return run(browser, "commas");
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(Browser browser, String what) {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(WALK, what);
    }
}
