package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.khidmat.api.web.Ask;

/** A request as a registered {@link org.khidmat.api.web.Page} reads it: Jetty stays on this side. */
final class PageAsk implements Ask {
    /** A body over {@link Exchange#BODY_LIMIT}, carried through the page to {@link Failures} as the 413 it is. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(Exchange.TooLarge cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Request request;
    private final Map<String, String> parameters;
    private final Optional<String> caller;
    private Map<String, String> form;

    PageAsk(Request request, Map<String, String> parameters, Optional<String> caller, Map<String, String> form) {
        this.request = request;
        this.parameters = parameters;
        this.caller = caller;
        this.form = form;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return Request.getPathInContext(request);
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Map<String, String> query() {
        return Exchange.query(request);
    }

    @Override
    public String lang() {
        return Layout.lang(request);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public Map<String, String> form() throws IOException {
        if (form == null) {
            try {
                form = Exchange.isPost(request) || "PUT".equals(request.getMethod()) ? Exchange.form(request) : Map.of();
            } catch (Exchange.TooLarge e) {
                throw new TooLarge(e);
            }
        }
        return form;
    }

    @Override
    public Optional<String> caller() {
        return caller;
    }
}
