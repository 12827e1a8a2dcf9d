package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.ServiceJson;
import org.khidmat.web.internal.pay.PayPage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.PaymentResult;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.RatingResult;
import org.khidmat.api.platform.Ratings;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.platform.TrackedApplication;

/**
 * The citizen's money and rating side of {@code /api/v1}, each a POST with the reference and CNIC in the body:
 * {@code /payments} (start; 201 when started by this request, 200 with the same payment when it was there already,
 * outcome {@code already_pending} or {@code already_paid}), {@code /payments/confirm},
 * {@code /receipts} and {@code /ratings}. The pair is checked as in tracking before anything else, so nobody pays
 * for, or reads the receipt of, someone else's application; an unknown reference and a wrong CNIC get the same 404.
 */
public final class PaymentApi extends Handler.Abstract {
    private static final String PAYMENTS = "/api/v1/payments";
    private static final String CONFIRM = "/api/v1/payments/confirm";
    private static final String RECEIPTS = "/api/v1/receipts";
    private static final String RATINGS = "/api/v1/ratings";
    private static final String NO_MATCH = "no application matches that reference and CNIC";
    private final Applications applications;
    private final Payments payments;
    private final Ratings ratings;
    private final RouteTable routes;

    public PaymentApi(Applications applications, Payments payments, Ratings ratings) {
        this.applications = applications;
        this.payments = payments;
        this.ratings = ratings;
        RouteTable table = ApiRoutes.table();
        for (String path : new String[] {PAYMENTS, CONFIRM, RECEIPTS, RATINGS}) {
            table.route(path, ApiRoutes.POST, (rq, rs, cb, at) -> serve(rq, rs, cb, path));
        }
        this.routes = table;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return routes.handle(request, response, callback);
    }

    private void serve(Request request, Response response, Callback callback, String path) throws Exception {
        try {
            JsonNode o = JsonIn.request(request);
            String reference = required(o, "reference");
            String cnic = required(o, "cnic");
            if (path.equals(RATINGS)) {
                rate(response, callback, o, reference, cnic);
                return;
            }
            String provider = path.equals(PAYMENTS) ? required(o, "provider") : null;
            Optional<TrackedApplication> t = applications.track(reference, cnic);
            if (t.isEmpty()) {
                Http.error(response, callback, 404, NO_MATCH);
            } else if (path.equals(PAYMENTS)) {
                start(response, callback, t.get().application().reference(), provider);
            } else if (path.equals(CONFIRM)) {
                answer(response, callback, payments.confirm(t.get().application().reference(), PayPage.ACTOR), false);
            } else {
                receipt(response, callback, t.get());
            }
        } catch (StoreException e) {
            Http.error(response, callback, 503, "it could not be stored; nothing was changed, try again");
        } catch (IOException e) {
            Http.error(response, callback, 400, "the request body could not be read");
        }
    }

    private static String required(JsonNode o, String name) throws JsonIn.BadJson {
        String v = JsonIn.string(o, name);
        if (v == null || v.isBlank()) {
            throw new JsonIn.BadJson("'" + name + "' is required");
        }
        return v;
    }

    /**
     * Starts a payment. Whether it was started now (201) or was there already (200) is the outcome's to say: the
     * payments service decides it where it stores the payment, so of requests at once exactly one gets 201.
     */
    private void start(Response response, Callback callback, String reference, String provider) {
        answer(response, callback, payments.start(reference, provider, PayPage.ACTOR), true);
    }

    /** @param start whether {@code r} answers a start, where {@code PENDING} and {@code PAID} mean started now */
    private static void answer(Response response, Callback callback, PaymentResult r, boolean start) {
        int status = switch (r.outcome()) {
            case PAID, PENDING -> start ? 201 : 200;
            case ALREADY_PENDING, ALREADY_PAID -> 200;
            case UNKNOWN_APPLICATION -> 404;
            case NOTHING_TO_PAY, NOT_POSSIBLE -> 422;
            case PROVIDER_FAILED -> 503;
        };
        if (status >= 400) {
            Http.error(response, callback, status, r.message());
            return;
        }
        Map<String, Object> body = ServiceJson.ordered("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "message", r.message(), "payment", payment(r.payment()));
        body.put("receipt", r.payment().receipt().map(PaymentApi::receipt).orElse(null));
        Http.json(response, callback, status, body);
    }

    private void receipt(Response response, Callback callback, TrackedApplication t) {
        Optional<Payment> p = payments.payment(t.application().reference());
        if (p.isEmpty() || !p.get().paid()) {
            Http.error(response, callback, 404, "no receipt: the fee of " + t.application().reference() + " is not paid"
                    + (p.isEmpty() ? "" : " yet (payment pending)"));
            return;
        }
        Map<String, Object> body = receipt(p.get().receipt().orElseThrow());
        body.put("service", ServiceJson.text(t.descriptor().title()));
        body.put("agencyName", ServiceJson.text(t.descriptor().agency().name()));
        Http.json(response, callback, 200, body);
    }

    private void rate(Response response, Callback callback, JsonNode o, String reference, String cnic) throws JsonIn.BadJson {
        JsonNode stars = o.get("stars");
        if (stars == null || !stars.canConvertToInt() || !stars.isIntegralNumber()) {
            throw new JsonIn.BadJson("'stars' is required: a whole number from 1 to 5");
        }
        RatingResult r = ratings.rate(reference, cnic, stars.intValue(), JsonIn.string(o, "comment"));
        int status = switch (r.outcome()) {
            case RATED -> 201;
            case NOT_FOUND -> 404;
            case NOT_FINISHED, ALREADY_RATED -> 409;
            case INVALID -> 422;
        };
        if (r.rated()) {
            Http.json(response, callback, status, ServiceJson.ordered("outcome", "rated", "message", r.message()));
        } else {
            Http.error(response, callback, status, r.message());
        }
    }

    private static Map<String, Object> payment(Payment p) {
        Map<String, Object> m = ServiceJson.ordered("reference", p.reference(), "serviceId", p.serviceId(), "agency", p.agency(),
                "tier", p.tier(), "amount", p.amount(), "currency", "PKR", "provider", p.provider());
        m.put("providerReference", p.providerReference());
        DisabledReason said = DisabledReason.of(p.instructions());
        m.put("instructions", said == null ? null : said.en());
        if (said != null && said.ur() != null) {
            m.put("instructionsUr", said.ur());
        }
        m.put("state", p.state());
        m.put("startedAt", p.startedAt().toString());
        m.put("paidAt", p.paidAt() == null ? null : p.paidAt().toString());
        m.put("receiptNumber", p.receiptNumber());
        return m;
    }

    private static Map<String, Object> receipt(org.khidmat.api.platform.Receipt r) {
        return ServiceJson.ordered("receiptNumber", r.receiptNumber(), "reference", r.reference(), "serviceId", r.serviceId(),
                "agency", r.agency(), "tier", r.tier(), "amount", r.amount(), "currency", "PKR", "paidAt",
                r.paidAt().toString(), "provider", r.provider());
    }
}
