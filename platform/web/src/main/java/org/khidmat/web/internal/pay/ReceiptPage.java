package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Downloads;
import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Templates;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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
        Messages m = Messages.of(Messages.PAY, lang);
        if (!Exchange.isPost(request)) {
            page(request, response, callback, m, "", "", List.of(), null);
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<FormProblem> problems = CitizenForms.missing(m, reference, cnic);
        Optional<TrackedApplication> found = problems.isEmpty() ? applications.track(reference, cnic) : Optional.empty();
        if (found.isEmpty()) {
            page(request, response, callback, m, reference, cnic, problems.isEmpty() ? List.of(CitizenForms.noMatch(m)) : problems, null);
            return;
        }
        TrackedApplication t = found.get();
        Optional<Receipt> receipt = payments.payment(t.application().reference()).flatMap(p -> p.receipt());
        if (receipt.isEmpty()) {
            page(request, response, callback, m, reference, cnic, List.of(FormProblem.of(m, null, "noReceipt")), null);
            return;
        }
        PayViews.Paid paid = new PayViews.Paid(new PayViews.Visit(t, cnic, m.lang(), Site.of(request).time()), receipt.get(), false);
        if (download) {
            Downloads.attachment(response, callback, "text/html; charset=utf-8", ReceiptHtml.fileName(receipt.get()),
                    ReceiptHtml.file(paid, m));
        } else {
            page(request, response, callback, m, reference, cnic, List.of(), paid);
        }
    }

    private static void page(Request request, Response response, Callback callback, Messages m, String reference,
            String cnic, List<FormProblem> problems, PayViews.Paid receipt) {
        String body = receipt != null ? Templates.render("pay/receipt.jte", Map.of("m", m, "view", receipt))
                : Templates.render("pay/lookup.jte", Map.of("m", m, "view", new PayViews.Lookup(problems, "getReceipt",
                        "receiptIntro", "/receipt?lang=" + m.lang(), m.get("viewReceipt"), reference, cnic)));
        Http.html(response, callback, 200, Layout.page(request, m.lang(), CitizenForms.title(m, "receipt", problems), body));
    }
}
