package org.khidmat.distribution.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Finds text that prints over other text: every visible word's box (where the browser laid it out, as tall as its
 * letters are drawn, measured with a canvas in the same font) is compared with the words of every other line; where
 * two boxes cross by more than two pixels each way, the words' ink is drawn on a canvas column by column, and a pair
 * whose letters overlap by more than two pixels over more than two columns is reported. Nastaliq's letters reach far
 * above and below the line: with a Latin line height, a line's letters reach into the next one's, and a button's title
 * into the agency name below it. (A box alone would over-report: a Nastaliq word climbs diagonally, so its box is
 * mostly empty.)
 */
final class Overlaps {
    /** Widths the citizen pages are tried at: a desktop and a 390 px phone. */
    static final List<Integer> WIDTHS = List.of(1280, 390);
    private static final String SCRIPT = """
            const canvas = document.createElement('canvas');
            const ctx = canvas.getContext('2d');
            const boxes = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const t = walker.currentNode;
              const el = t.parentElement;
              if (!el || !t.data.trim() || el.closest('.skip, [hidden], noscript, script, style, option')) continue;
              const cs = getComputedStyle(el);
              if (cs.visibility !== 'visible') continue;
              const font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
              ctx.font = font;
              const words = /\\S+/g;
              let m;
              while ((m = words.exec(t.data)) !== null) {
                const r = document.createRange();
                r.setStart(t, m.index);
                r.setEnd(t, m.index + m[0].length);
                const ink = ctx.measureText(m[0]);
                for (const b of r.getClientRects()) {
                  if (b.width < 1 || b.height < 1) continue;
                  // the layout box is the line's first font's; the letters drawn may reach beyond it (Nastaliq):
                  // from the baseline, take the ink's own height
                  const baseline = b.top + ink.fontBoundingBoxAscent;
                  boxes.push({text: m[0], font, tag: el.tagName.toLowerCase(), baseline, left: b.left, right: b.right,
                      top: Math.min(b.top, baseline - ink.actualBoundingBoxAscent),
                      bottom: Math.max(b.bottom, baseline + ink.actualBoundingBoxDescent)});
                }
              }
            }
            // where a word's letters really are, column by column: its ink drawn on a canvas, as the page draws it
            function skyline(w) {
              if (w.sky) return w.sky;
              ctx.font = w.font;
              const m = ctx.measureText(w.text);
              const padL = Math.ceil(Math.max(0, m.actualBoundingBoxLeft)) + 2, asc = Math.ceil(m.actualBoundingBoxAscent) + 2;
              const width = padL + Math.ceil(Math.max(m.width, m.actualBoundingBoxRight)) + 2;
              const height = asc + Math.ceil(m.actualBoundingBoxDescent) + 2;
              canvas.width = width; canvas.height = height;
              ctx.font = w.font; ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic'; ctx.fillStyle = '#000';
              ctx.fillText(w.text, padL, asc);
              const px = ctx.getImageData(0, 0, width, height).data;
              const scale = (w.right - w.left) / Math.max(1, m.width);
              const cols = new Map();
              for (let x = 0; x < width; x++) {
                let top = -1, bottom = -1;
                for (let y = 0; y < height; y++) {
                  if (px[(y * width + x) * 4 + 3] > 96) { if (top < 0) top = y; bottom = y; }
                }
                if (top >= 0) cols.set(Math.round(w.left + (x - padL) * scale), [w.baseline + top - asc, w.baseline + bottom - asc + 1]);
              }
              return w.sky = cols;
            }
            const out = [];
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], c = boxes[j];
                if (Math.abs(a.baseline - c.baseline) < 1) continue; // words of one line
                const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
                const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
                if (w <= 2 || h <= 2) continue;
                const up = a.baseline < c.baseline ? a : c, down = up === a ? c : a;
                const su = skyline(up), sd = skyline(down);
                let columns = 0, depth = 0;
                for (const [x, [, bottom]] of su) {
                  for (const dx of [-1, 0, 1]) {
                    const d = sd.get(x + dx);
                    if (d && bottom - d[0] > 2) { columns++; depth = Math.max(depth, bottom - d[0]); break; }
                  }
                }
                if (columns > 2) {
                  out.push('"' + up.text + '" (' + up.tag + ') and "' + down.text + '" (' + down.tag + ') cross over ' + columns
                      + ' px, ' + Math.round(depth) + ' px deep');
                }
              }
            }
            return out;
            """;



    private Overlaps() {
    }

    /** Makes the window {@code width} wide (the viewport, scroll bars aside) and 900 tall. */
    static void width(Browser browser, int width) {
        browser.driver.manage().window().setSize(new Dimension(width, 900));
        Object inner = ((JavascriptExecutor) browser.driver).executeScript("return window.innerWidth");
        int diff = width - ((Number) inner).intValue();
        if (diff != 0) {
            browser.driver.manage().window().setSize(new Dimension(width + diff, 900));
        }
    }

    /** @return the crossings on the page now shown, one line each */
    @SuppressWarnings("unchecked")
    static List<String> on(Browser browser) {
        // the web font loads lazily: measure once every font the page uses is in
        ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(SCRIPT);
    }

    /** Keeps a full-page screenshot of what the browser shows under {@code name}, outside the repository. */
    static void screenshot(Browser browser, String name) {
        screenshot(browser, Path.of(System.getProperty("khidmat.screenshots", System.getProperty("java.io.tmpdir") + "/khidmat-screens")),
                name);
    }

    /** Keeps a full-page screenshot of what the browser shows as {@code dir/name.png}. */
    static void screenshot(Browser browser, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Object height = ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollHeight");
            Dimension was = browser.driver.manage().window().getSize();
            browser.driver.manage().window().setSize(new Dimension(was.width, Math.min(4000, ((Number) height).intValue() + 140)));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
            browser.driver.manage().window().setSize(was);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
