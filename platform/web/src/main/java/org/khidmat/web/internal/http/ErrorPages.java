package org.khidmat.web.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer Jetty writes itself (a handler's exception, a request it could not parse, headers too large): a fixed
 * sentence per status, the security headers, {@code no-store}, and never the exception, its message, the request's
 * text or a stack. The failure itself goes to the log, for the operator.
 */
final class ErrorPages extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    ErrorPages() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /** @return the fixed sentence for a status */
    static String sentence(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "The request's content type is not accepted here.";
            case 429 -> "Too many requests. Please try again later.";
            case 431 -> "The request's headers are too large.";
            case 503 -> "The centre is busy. Please try again shortly.";
            default -> status >= 500 ? "Something went wrong on our side. Please try again."
                    : "The request could not be answered.";
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            RequestIds.resume(request, response);
            return answer(request, response, callback);
        } finally {
            org.slf4j.MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private boolean answer(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        if (request.getAttribute(ERROR_STATUS) instanceof Integer s && s >= 400) {
            status = s;
        }
        if (request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t && status >= 500) {
            LOG.warn("web: {} {} failed: {}", request.getMethod(), Request.getPathInContext(request), t.toString(), t);
        }
        response.setStatus(status);
        HttpFields.Mutable h = response.getHeaders();
        SecurityHeaders.apply(h, request.isSecure());
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        boolean api = Request.getPathInContext(request).startsWith("/api/");
        String text = sentence(status);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HostileText.Refused refused) {
            text = refused.getReason(); // our own words: the field's name (letters and digits only), never its value
        }
        String body = api ? "{\"status\":" + status + ",\"error\":\"" + text + "\"}"
                : "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " - Khidmat</title>"
                        + "<link rel=\"stylesheet\" href=\"" + Assets.CSS_PATH + "\"><link rel=\"icon\" href=\"" + Assets.ICON_PATH + "\" type=\"image/svg+xml\"></head><body><main class=\"wrap\"><h1>"
                        + text + "</h1><p><a href=\"/\">Khidmat</a></p></main></body></html>";
        h.put(HttpHeader.CONTENT_TYPE, api ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** A request Jetty could not parse (400, 414, 431...): the same fixed words and headers, as plain text. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.apply(fields, false);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return ByteBuffer.wrap((status + " " + HttpStatus.getMessage(status) + ": " + sentence(status) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
