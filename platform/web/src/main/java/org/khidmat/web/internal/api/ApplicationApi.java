package org.khidmat.web.internal.api;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.JsonIn;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.ServiceJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.platform.SubmitResult;

/**
 * The citizen's write side of {@code /api/v1}: {@code POST /api/v1/applications} and
 * {@code POST /api/v1/applications/track}. The staff's inbox and moves are in {@link StaffApi}.
 */
public final class ApplicationApi extends Handler.Abstract {
    private final Applications applications;
    private final Catalogue catalogue;
    private final RouteTable routes;

    public ApplicationApi(Applications applications, Catalogue catalogue) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.routes = ApiRoutes.table()
                .route("/api/v1/applications", ApiRoutes.POST, (rq, rs, cb, at) -> submit(rq, rs, cb))
                .route("/api/v1/applications/track", ApiRoutes.POST, (rq, rs, cb, at) -> track(rq, rs, cb));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return routes.handle(request, response, callback);
        } catch (StoreException e) {
            Http.error(response, callback, 503, "the application could not be stored; nothing was filed, try again");
        } catch (IOException e) {
            Http.error(response, callback, 400, "the request body could not be read");
        }
        return true;
    }

    private static JsonNode body(Request request) throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        return JsonIn.request(request);
    }

    private void submit(Request request, Response response, Callback callback) throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        JsonNode o = body(request);
        String serviceId = JsonIn.string(o, "serviceId");
        if (serviceId == null || serviceId.isBlank()) {
            throw new JsonIn.BadJson("'serviceId' is required, for example \"nadra.cnic-renewal\"");
        }
        JsonNode a = o.get("answers");
        if (a == null || !a.isObject()) {
            throw new JsonIn.BadJson("'answers' is required: an object of field name to answer (a string)");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new JsonIn.BadJson("answers." + e.getKey() + " must be a string");
            }
            answers.put(e.getKey(), e.getValue().asText());
        }
        SubmitResult r = applications.submit(serviceId, JsonIn.string(o, "tier"), answers);
        switch (r.outcome()) {
            case ACCEPTED -> {
                response.getHeaders().put(HttpHeader.LOCATION, "/track");
                Http.json(response, callback, 201, ServiceJson.ordered("reference", r.reference(), "serviceId", serviceId,
                        "track", "POST /api/v1/applications/track with reference and cnic"));
            }
            case UNKNOWN_SERVICE -> Http.error(response, callback, 404, "no service " + serviceId + " in this centre");
            case UNAVAILABLE -> Http.error(response, callback, 409, "service " + serviceId + " is temporarily unavailable"
                    + catalogue.service(serviceId).map(e -> DisabledReason.of(e.disabledReason())).map(w -> ": " + w.en()).orElse(""));
            case INVALID -> {
                Map<String, Object> body = ServiceJson.ordered("status", 422, "error",
                        "the application has " + r.problems().size() + " problem(s); nothing was stored");
                body.put("problems", r.problems().stream().map(p -> ServiceJson.ordered("field", p.field(), "en", p.en(),
                        "ur", p.ur())).toList());
                Http.json(response, callback, 422, body);
            }
        }
    }

    private void track(Request request, Response response, Callback callback) throws IOException, Exchange.TooLarge, JsonIn.BadJson {
        JsonNode o = body(request);
        String reference = JsonIn.string(o, "reference");
        String cnic = JsonIn.string(o, "cnic");
        if (reference == null || cnic == null) {
            throw new JsonIn.BadJson("send both 'reference' and 'cnic'");
        }
        applications.track(reference, cnic).ifPresentOrElse(t -> Http.json(response, callback, 200, TrackJson.of(t)),
                () -> Http.error(response, callback, 404, "no application matches that reference and CNIC"));
    }
}
