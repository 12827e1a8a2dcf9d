package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Money;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Templates;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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
        Messages m = Messages.of(Messages.PAY, lang);
        if (!Exchange.isPost(request)) {
            lookup(request, response, callback, m, "", "", List.of());
            return;
        }
        Map<String, String> form = Exchange.form(request);
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<FormProblem> problems = CitizenForms.missing(m, reference, cnic);
        Optional<TrackedApplication> found = problems.isEmpty() ? applications.track(reference, cnic) : Optional.empty();
        if (found.isEmpty()) {
            lookup(request, response, callback, m, reference, cnic, problems.isEmpty() ? List.of(CitizenForms.noMatch(m)) : problems);
            return;
        }
        Visit v = new Visit(request, response, callback, m, new PayViews.Visit(found.get(), cnic, m.lang(), Site.of(request).time()));
        switch (form.getOrDefault("do", "")) {
            case "pay" -> pay(v, form.getOrDefault("provider", ""));
            case "confirm" -> confirm(v);
            default -> show(v, payments.payment(v.reference()), null);
        }
    }

    /** One citizen's request about one application they proved is theirs. */
    private record Visit(Request request, Response response, Callback callback, Messages m, PayViews.Visit view) {
        String reference() {
            return view.reference();
        }

        void page(int status, String template, Object body) {
            Http.html(response, callback, status, Layout.page(request, m.lang(), Http.text(m.get("pay"), m.dir()),
                    Templates.render(template, Map.of("m", m, "view", body))));
        }
    }

    private static void lookup(Request request, Response response, Callback callback, Messages m, String reference, String cnic,
            List<FormProblem> problems) {
        var view = new PayViews.Lookup(problems, "pay", "payIntro", "/pay?lang=" + m.lang(),
                Messages.of(Messages.CITIZEN, m.lang()).get("continue"), reference, cnic);
        Http.html(response, callback, 200, Layout.page(request, m.lang(), CitizenForms.title(m, "pay", problems),
                Templates.render("pay/lookup.jte", Map.of("m", m, "view", view))));
    }

    private void pay(Visit v, String provider) {
        if (provider.isEmpty()) {
            show(v, payments.payment(v.reference()), FormProblem.of(v.m, "provider", "choosePay"));
            return;
        }
        PaymentResult r = payments.start(v.reference(), provider, ACTOR);
        switch (r.outcome()) {
            case PAID -> paid(v, r.payment(), true);
            case ALREADY_PAID -> paid(v, r.payment(), false);
            case PENDING -> v.page(200, "pay/pending.jte", new PayViews.Pending(v.view, r.payment(), null, false));
            case ALREADY_PENDING -> v.page(200, "pay/pending.jte", new PayViews.Pending(v.view, r.payment(), null, true));
            case NOTHING_TO_PAY -> show(v, Optional.empty(), null);
            case NOT_POSSIBLE -> show(v, Optional.ofNullable(r.payment()), FormProblem.of(v.m, "provider", "providerGone"));
            case PROVIDER_FAILED -> show(v, Optional.ofNullable(r.payment()), FormProblem.of(v.m, "provider", "providerFailed"));
            case UNKNOWN_APPLICATION -> lookup(v.request, v.response, v.callback, v.m, v.reference(), v.view.cnic(),
                    List.of(CitizenForms.noMatch(v.m)));
        }
    }

    private void confirm(Visit v) {
        PaymentResult r = payments.confirm(v.reference(), ACTOR);
        switch (r.outcome()) {
            case PAID -> paid(v, r.payment(), true);
            case ALREADY_PAID -> paid(v, r.payment(), false);
            case PENDING -> v.page(200, "pay/pending.jte", new PayViews.Pending(v.view, r.payment(),
                    FormProblem.of(v.m, null, "notPaidYet"), false));
            case PROVIDER_FAILED, NOT_POSSIBLE -> {
                if (r.payment() == null) {
                    show(v, Optional.empty(), null);
                } else {
                    v.page(200, "pay/pending.jte", new PayViews.Pending(v.view, r.payment(),
                            FormProblem.of(v.m, null, "checkFailed"), false));
                }
            }
            default -> show(v, payments.payment(v.reference()), null);
        }
    }

    /** What is owed and how to pay it; or, when a payment exists, where it stands. */
    private void show(Visit v, Optional<Payment> payment, FormProblem problem) {
        if (payment.isPresent()) {
            if (payment.get().paid()) {
                paid(v, payment.get(), false);
            } else {
                v.page(200, "pay/pending.jte", new PayViews.Pending(v.view, payment.get(), problem, false));
            }
            return;
        }
        long amount = Money.tier(v.view.t()).amount();
        List<String> providers = amount == 0 ? List.of() : payments.providers();
        v.page(amount != 0 && providers.isEmpty() ? 503 : 200, "pay/owed.jte", new PayViews.Owed(v.view, amount, providers, problem));
    }

    private static void paid(Visit v, Payment p, boolean now) {
        v.page(200, "pay/paid.jte", new PayViews.Paid(v.view, p.receipt().orElseThrow(), now));
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
        Messages m = Messages.of(Messages.PAY, lang);
        return "<h2>" + m.html("pay") + "</h2><p id=\"pay-next\">" + m.html("payNext", Money.pkr(amount, lang)) + "</p>"
                + CitizenForms.button("/pay", lang, reference, cnic, "", "pay-link", m.html("pay"));
    }
}
