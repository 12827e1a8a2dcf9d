package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Downloads;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.PayWords;
import org.khidmat.web.internal.page.Words;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Receipt;
import org.khidmat.api.platform.TrackedApplication;

/**
 * {@code /receipt}: an application's receipt for its applicant, by reference and CNIC in a POSTed form; and
 * {@code /receipt/download}, the same as a file to keep or print. A receipt number alone opens nothing.
 */
final class ReceiptPage {
    private final Applications applications;
    private final Payments payments;

    ReceiptPage(Applications applications, Payments payments) {
        this.applications = applications;
        this.payments = payments;
    }

    void handle(Request request, Response response, Callback callback, String lang, boolean download)
            throws IOException, Exchange.TooLarge {
        if (!Exchange.isPost(request)) {
            page(request, response, callback, lang, "", "", List.of(), null);
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = CitizenForms.missing(reference, cnic);
        Optional<TrackedApplication> found = problems.isEmpty() ? applications.track(reference, cnic) : Optional.empty();
        if (found.isEmpty()) {
            page(request, response, callback, lang, reference, cnic,
                    problems.isEmpty() ? List.of(CitizenForms.noMatch()) : problems, null);
            return;
        }
        TrackedApplication t = found.get();
        Optional<Receipt> receipt = payments.payment(t.application().reference()).flatMap(p -> p.receipt());
        if (receipt.isEmpty()) {
            page(request, response, callback, lang, reference, cnic, List.of(PayWords.BOOK.problem(null, "noReceipt")), null);
        } else if (download) {
            Downloads.attachment(response, callback, "text/html; charset=utf-8", ReceiptHtml.fileName(receipt.get()),
                    ReceiptHtml.file(receipt.get(), t, lang));
        } else {
            page(request, response, callback, lang, reference, cnic, List.of(),
                    ReceiptHtml.section(receipt.get(), t, cnic, lang));
        }
    }

    private static void page(Request request, Response response, Callback callback, String lang, String reference,
            String cnic, List<Problem> problems, String receipt) {
        String title = PayWords.get("receipt", lang);
        String body = receipt != null ? "<h1>" + title + "</h1>" + receipt
                : FormHtml.summary(problems, lang) + "<h1>" + PayWords.get("getReceipt", lang) + "</h1><p>"
                        + PayWords.get("receiptIntro", lang) + "</p><form method=\"post\" action=\""
                        + CitizenForms.action("/receipt", lang) + "\" novalidate>"
                        + CitizenForms.lookup(reference, cnic, problems, lang) + "<button type=\"submit\" id=\"find\">"
                        + PayWords.get("viewReceipt", lang) + "</button></form>";
        Http.html(response, callback, 200, Layout.page(request, lang, (problems.isEmpty() ? "" : Words.get("error", lang) + ": ")
                + title, body));
    }
}
