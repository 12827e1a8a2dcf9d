package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Money;
import org.khidmat.web.internal.page.PayWords;
import org.khidmat.web.internal.page.Words;

import java.nio.charset.StandardCharsets;
import org.khidmat.api.platform.Receipt;
import org.khidmat.api.platform.TrackedApplication;

/**
 * A receipt as HTML: the part of a page ({@code #receipt}, with the download button) and the downloadable file, a
 * printable page with its own styles and nothing to fetch, so it reads the same offline and in years.
 */
final class ReceiptHtml {
    private ReceiptHtml() {
    }

    /** @return the receipt's rows and the button that downloads it (posting the pair again, never a URL alone) */
    static String section(Receipt r, TrackedApplication t, String cnic, String lang) {
        return "<section id=\"receipt\" aria-labelledby=\"receipt-title\"><h2 id=\"receipt-title\">"
                + PayWords.get("receiptTitle", lang) + "</h2><dl class=\"receipt\">" + rows(r, t, lang) + "</dl><p>"
                + PayWords.get("receiptHint", lang) + "</p>" + CitizenForms.button("/receipt/download", lang,
                        t.application().reference(), cnic, "", "download", PayWords.get("download", lang))
                + "</section>";
    }

    private static String rows(Receipt r, TrackedApplication t, String lang) {
        return CitizenForms.row("receipt-number", PayWords.get("receiptNumber", lang), CitizenForms.ltr(Http.escape(r.receiptNumber())))
                + CitizenForms.row("receipt-reference", Words.get("reference", lang), CitizenForms.ltr(Http.escape(r.reference())))
                + CitizenForms.row("receipt-service", Words.get("service", lang), Http.text(t.descriptor().title().in(lang), lang))
                + CitizenForms.row("receipt-agency", Words.get("agency", lang), Http.text(t.descriptor().agency().name().in(lang), lang))
                + CitizenForms.row("receipt-tier", Words.get("tier", lang), Http.text(t.descriptor().fee(r.tier())
                        .map(f -> f.title().in(lang)).orElse(r.tier()), lang))
                + CitizenForms.row("receipt-amount", PayWords.get("amount", lang), Money.pkr(r.amount(), lang))
                + CitizenForms.row("receipt-paid-at", PayWords.get("paidAt", lang), CitizenForms.ltr(Money.when(r.paidAt()))
                        + " (" + PayWords.get("pkt", lang) + ")")
                + CitizenForms.row("receipt-provider", PayWords.get("paidWith", lang), Money.provider(r.provider(), lang));
    }

    /** @return the file's name, {@code receipt-KR-20260131-KM7Q4XPAK.html} */
    static String fileName(Receipt r) {
        return "receipt-" + r.receiptNumber().replaceAll("[^A-Za-z0-9-]", "") + ".html";
    }

    /** @return the downloadable receipt: one self-contained, printable HTML page */
    static byte[] file(Receipt r, TrackedApplication t, String lang) {
        String title = PayWords.get("receiptTitle", lang) + " " + Http.escape(r.receiptNumber());
        String page = "<!doctype html>\n<html lang=\"" + lang + "\" dir=\"" + ("ur".equals(lang) ? "rtl" : "ltr") + "\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title>\n<style>body{font-family:system-ui,\"Noto Nastaliq Urdu\",sans-serif;"
                + "max-width:40rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}h1{font-size:1.5rem;border-bottom:4px solid "
                + "#0b3d2e;padding-bottom:.4rem}.row{display:flex;gap:1rem;border-bottom:1px solid #b1b4b6;padding:.4rem 0}"
                + "dt{font-weight:600;flex:0 0 12rem}dd{margin:0}.meta{color:#484949;font-size:.9rem}"
                + "@media print{body{margin:0}}</style></head>\n<body><main><p class=\"meta\">" + Words.get("centre", lang)
                + "</p><h1>" + title + "</h1><dl>" + rows(r, t, lang) + "</dl><p class=\"meta\">"
                + PayWords.get("centreIssued", lang) + "</p></main></body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
