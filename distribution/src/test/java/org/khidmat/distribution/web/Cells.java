package org.khidmat.distribution.web;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Finds table cells whose content does not start on the reading side: in a right-to-left page a cell's content
 * must touch the cell's right edge (inside its padding), in a left-to-right page its left edge, as its column's
 * heading does. (A cell marked {@code dir="ltr"} for a time or a code inside an Urdu table is the classic slip: it
 * aligns to "start", which is then the left.) Text hidden for screen readers ({@code .skip}) is not looked at.
 */
final class Cells {
    private static final String SCRIPT = """
            const out = [], rtl = getComputedStyle(document.documentElement).direction === 'rtl';
            for (const cell of document.querySelectorAll('main td, main th')) {
              if (!cell.getClientRects().length || getComputedStyle(cell).textAlign === 'center') continue;
              let start = null;
              for (const n of cell.childNodes) {
                if (n.nodeType === Node.ELEMENT_NODE && (n.matches('.skip, [hidden], script') || getComputedStyle(n).position === 'absolute')) continue;
                if (n.nodeType === Node.TEXT_NODE && !n.data.trim()) continue;
                if (n.nodeType !== Node.TEXT_NODE && n.nodeType !== Node.ELEMENT_NODE) continue;
                let r;
                if (n.nodeType === Node.TEXT_NODE) { r = document.createRange(); r.selectNodeContents(n); r = r.getBoundingClientRect(); }
                else r = n.getBoundingClientRect();
                if (r.width < 1) continue;
                start = start === null ? (rtl ? r.right : r.left) : (rtl ? Math.max(start, r.right) : Math.min(start, r.left));
              }
              if (start === null) continue;
              const box = cell.getBoundingClientRect(), cs = getComputedStyle(cell);
              const edge = rtl ? box.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth)
                  : box.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth);
              const off = Math.round(Math.abs(edge - start));
              if (off > 2) {
                const table = cell.closest('table');
                out.push((table && table.id ? '#' + table.id + ' ' : '') + cell.tagName.toLowerCase() + ' "'
                    + cell.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '" starts ' + off + ' px from its '
                    + (rtl ? 'right' : 'left') + ' edge');
              }
            }
            return out;
            """;

    private Cells() {
    }

    /** @return every cell of the page's main part whose content starts away from the reading side, one line each */
    @SuppressWarnings("unchecked")
    static List<String> offStart(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(SCRIPT);
    }
}
