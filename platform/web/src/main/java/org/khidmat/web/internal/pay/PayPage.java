package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Money;
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
import org.khidmat.api.descriptor.FeeTier;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.PaymentResult;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.TrackedApplication;

/**
 * {@code /pay}: the applicant (reference and CNIC in a POSTed form, never the URL) sees what is owed and pays with
 * one of the centre's providers ({@code do=pay}); a wallet gives the receipt at once, a challan its number and a
 * "check payment" action ({@code do=confirm}). Asking again never charges again: a paid fee shows its receipt.
 */
public final class PayPage {
    /** Who pays, for the audit log: the applicant, known by reference and CNIC. */
    public static final String ACTOR = "citizen";
    private final Applications applications;
    private final Payments payments;

    PayPage(Applications applications, Payments payments) {
        this.applications = applications;
        this.payments = payments;
    }

    void handle(Request request, Response response, Callback callback, String lang) throws IOException, Exchange.TooLarge {
        if (!Exchange.isPost(request)) {
            lookup(request, response, callback, lang, "", "", List.of());
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = CitizenForms.missing(reference, cnic);
        Optional<TrackedApplication> found = problems.isEmpty() ? applications.track(reference, cnic) : Optional.empty();
        if (found.isEmpty()) {
            lookup(request, response, callback, lang, reference, cnic, problems.isEmpty() ? List.of(CitizenForms.noMatch()) : problems);
            return;
        }
        Visit v = new Visit(request, response, callback, lang, found.get(), cnic);
        switch (form.getOrDefault("do", "")) {
            case "pay" -> pay(v, form.getOrDefault("provider", ""));
            case "confirm" -> confirm(v);
            default -> show(v, payments.payment(v.reference()), null);
        }
    }

    /** One citizen's request about one application they proved is theirs. */
    private record Visit(Request request, Response response, Callback callback, String lang, TrackedApplication t, String cnic) {
        String reference() {
            return t.application().reference();
        }

        void page(int status, String body) {
            Http.html(response, callback, status, Layout.page(request, lang, PayWords.get("pay", lang), body));
        }
    }

    private void lookup(Request request, Response response, Callback callback, String lang, String reference, String cnic,
            List<Problem> problems) {
        String body = FormHtml.summary(problems, lang) + "<h1>" + PayWords.get("pay", lang) + "</h1><p>"
                + PayWords.get("payIntro", lang) + "</p><form method=\"post\" action=\"" + CitizenForms.action("/pay", lang)
                + "\" novalidate>"
                + CitizenForms.lookup(reference, cnic, problems, lang) + "<button type=\"submit\" id=\"find\">"
                + Words.get("continue", lang) + "</button></form>";
        Http.html(response, callback, 200, Layout.page(request, lang, (problems.isEmpty() ? "" : Words.get("error", lang) + ": ")
                + PayWords.get("pay", lang), body));
    }

    private void pay(Visit v, String provider) {
        if (provider.isEmpty()) {
            show(v, payments.payment(v.reference()), PayWords.BOOK.problem("provider", "choosePay"));
            return;
        }
        PaymentResult r = payments.start(v.reference(), provider, ACTOR);
        switch (r.outcome()) {
            case PAID -> paid(v, r.payment(), "paidNow");
            case ALREADY_PAID -> paid(v, r.payment(), "alreadyPaid");
            case PENDING -> pending(v, r.payment(), null);
            case ALREADY_PENDING -> pending(v, r.payment(), null, true);
            case NOTHING_TO_PAY -> show(v, Optional.empty(), null);
            case NOT_POSSIBLE -> show(v, Optional.ofNullable(r.payment()), PayWords.BOOK.problem("provider", "providerGone"));
            case PROVIDER_FAILED -> show(v, Optional.ofNullable(r.payment()), PayWords.BOOK.problem("provider", "providerFailed"));
            case UNKNOWN_APPLICATION -> lookup(v.request, v.response, v.callback, v.lang, v.reference(), v.cnic,
                    List.of(CitizenForms.noMatch()));
        }
    }

    private void confirm(Visit v) {
        PaymentResult r = payments.confirm(v.reference(), ACTOR);
        switch (r.outcome()) {
            case PAID -> paid(v, r.payment(), "paidNow");
            case ALREADY_PAID -> paid(v, r.payment(), "alreadyPaid");
            case PENDING -> pending(v, r.payment(), PayWords.BOOK.problem(null, "notPaidYet"));
            case PROVIDER_FAILED, NOT_POSSIBLE -> {
                if (r.payment() == null) {
                    show(v, Optional.empty(), null);
                } else {
                    pending(v, r.payment(), PayWords.BOOK.problem(null, "checkFailed"));
                }
            }
            default -> show(v, payments.payment(v.reference()), null);
        }
    }

    /** What is owed and how to pay it; or, when a payment exists, where it stands. */
    private void show(Visit v, Optional<Payment> payment, Problem problem) {
        if (payment.isPresent()) {
            if (payment.get().paid()) {
                paid(v, payment.get(), "alreadyPaid");
            } else {
                pending(v, payment.get(), problem);
            }
            return;
        }
        FeeTier tier = Money.tier(v.t);
        String lang = v.lang;
        StringBuilder b = new StringBuilder(FormHtml.summary(problem == null ? List.of() : List.of(problem), lang))
                .append("<h1>").append(PayWords.get("pay", lang)).append("</h1>").append(summary(v.t, tier.amount(), lang));
        if (tier.amount() == 0) {
            b.append("<p id=\"nothing-due\">").append(PayWords.get("nothingDue", lang)).append("</p>");
            v.page(200, b.toString());
            return;
        }
        List<String> providers = payments.providers();
        if (providers.isEmpty()) {
            b.append("<p id=\"no-providers\">").append(PayWords.get("noProviders", lang)).append("</p>");
            v.page(503, b.toString());
            return;
        }
        b.append("<form method=\"post\" action=\"").append(CitizenForms.action("/pay", lang)).append("\" novalidate>")
                .append(CitizenForms.carry(v.reference(), v.cnic))
                .append(CitizenForms.hidden("do", "pay")).append("<div class=\"field").append(problem == null ? "" : " field-error")
                .append("\"><fieldset").append(problem == null ? "" : " aria-describedby=\"provider-error\"").append("><legend>")
                .append(PayWords.get("howPay", lang)).append("</legend>");
        if (problem != null) {
            b.append("<span class=\"message\" id=\"provider-error\">").append(Words.get("error", lang)).append(": ")
                    .append(Http.text("ur".equals(lang) ? problem.ur() : problem.en(), lang)).append("</span>");
        }
        int i = 0;
        for (String p : providers) {
            String id = i++ == 0 ? "f-provider" : "f-provider-" + i;
            b.append("<div class=\"choice\"><input type=\"radio\" name=\"provider\" id=\"").append(id).append("\" value=\"")
                    .append(Http.escape(p)).append("\"> <label for=\"").append(id).append("\">").append(Money.provider(p, lang))
                    .append("</label></div>");
        }
        b.append("</fieldset></div><button type=\"submit\" id=\"pay\">")
                .append(PayWords.get("payAmount", lang, Money.pkr(tier.amount(), lang))).append("</button></form>");
        v.page(200, b.toString());
    }

    private void pending(Visit v, Payment p, Problem problem) {
        pending(v, p, problem, false);
    }

    /** @param startedBefore whether a "pay" found this payment there already, which the page then says */
    private void pending(Visit v, Payment p, Problem problem, boolean startedBefore) {
        String lang = v.lang;
        StringBuilder b = new StringBuilder(FormHtml.summary(problem == null ? List.of() : List.of(problem), lang))
                .append("<h1>").append(PayWords.get("pending", lang)).append("</h1>");
        if (startedBefore) {
            b.append("<p class=\"note\" id=\"already-started\" role=\"status\">").append(PayWords.get("alreadyStarted", lang))
                    .append("</p>");
        }
        b.append(summary(v.t, p.amount(), lang))
                .append("<dl>").append(CitizenForms.row("challan-number", PayWords.get("challanNumber", lang),
                        "<strong>" + CitizenForms.ltr(Http.escape(p.providerReference())) + "</strong>"))
                .append(CitizenForms.row("pay-provider", PayWords.get("paidWith", lang), Money.provider(p.provider(), lang)))
                .append("</dl><p id=\"pending\">").append(PayWords.get("challanText", lang)).append("</p>");
        // a provider may write its instructions in both languages, as {"en": ..., "ur": ...}; English alone is marked so
        DisabledReason said = DisabledReason.of(p.instructions());
        if (said != null) {
            boolean english = !"ur".equals(lang) || said.ur() == null;
            b.append("<h2>").append(PayWords.get("providerSays", lang)).append("</h2><p id=\"instructions\"")
                    .append(english ? " lang=\"en\" dir=\"ltr\">" : ">").append(Http.text(said.in(lang), english ? "en" : lang))
                    .append("</p>");
        }
        b.append(CitizenForms.button("/pay", lang, v.reference(), v.cnic, CitizenForms.hidden("do", "confirm"), "check-payment",
                PayWords.get("checkPayment", lang)));
        v.page(200, b.toString());
    }

    private void paid(Visit v, Payment p, String headline) {
        String lang = v.lang;
        boolean now = "paidNow".equals(headline);
        String body = (now ? "<div class=\"panel\"><h1 id=\"paid\">" + PayWords.get("paidNow", lang) + "</h1></div>"
                : "<h1>" + PayWords.get("receipt", lang) + "</h1><p class=\"note\" id=\"already-paid\" role=\"status\">"
                        + PayWords.get("alreadyPaid", lang) + "</p>")
                + ReceiptHtml.section(p.receipt().orElseThrow(), v.t, v.cnic, lang)
                + "<p><a href=\"/track\">" + Words.get("trackLink", lang) + "</a></p>";
        v.page(200, body);
    }

    /**
     * @return for the confirmation page of an application with a fee: what it costs and a button to pay it now
     *         (carrying the reference and the applicant's CNIC from the answers); empty when the tier is free
     */
    public static String nextStep(ServiceDescriptor d, String tier, Map<String, String> answers, String reference, String lang) {
        long amount = (tier == null ? Optional.<FeeTier>empty() : d.fee(tier)).orElse(d.lowestFee()).amount();
        String cnic = Applications.questions(d).stream().filter(f -> f.type() == FieldType.CNIC).findFirst()
                .map(f -> answers.getOrDefault(f.name(), "")).orElse("");
        if (amount == 0) {
            return "";
        }
        return "<h2>" + PayWords.get("pay", lang) + "</h2><p id=\"pay-next\">" + PayWords.get("payNext", lang,
                Money.pkr(amount, lang)) + "</p>" + CitizenForms.button("/pay", lang, reference, cnic, "", "pay-link",
                        PayWords.get("pay", lang));
    }

    /** @return the service, agency, speed and amount of the application */
    static String summary(TrackedApplication t, long amount, String lang) {
        return "<dl id=\"fee\">" + CitizenForms.row("pay-reference", Words.get("reference", lang),
                        CitizenForms.ltr(Http.escape(t.application().reference())))
                + CitizenForms.row("pay-service", Words.get("service", lang), Http.text(t.descriptor().title().in(lang), lang))
                + CitizenForms.row("pay-agency", Words.get("agency", lang), Http.text(t.descriptor().agency().name().in(lang), lang))
                + CitizenForms.row("pay-tier", Words.get("tier", lang), Http.text(Money.tier(t).title().in(lang), lang))
                + CitizenForms.row("pay-amount", PayWords.get("amount", lang), Money.pkr(amount, lang)) + "</dl>";
    }
}
