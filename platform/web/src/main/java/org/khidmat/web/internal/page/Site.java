package org.khidmat.web.internal.page;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Centre;

/**
 * What a page knows of the centre it serves, as a value of the request: the brand ({@link Brand}), the time zone
 * ({@link CentreTime}) and the languages it offers. {@link Scope} puts one on every request from the centre as
 * configured at that moment, so two servers (two centres, or two tests) in one JVM never see each other's; a request
 * without one (a handler tested alone) is the configuration's defaults with every language that has words.
 */
public final class Site {
    private static final String ATTRIBUTE = Site.class.getName();
    private static final Site DEFAULTS = new Site(null);
    private final Brand brand;
    private final CentreTime time;
    private final List<String> languages;

    private Site(Centre centre) {
        this.brand = new Brand(centre);
        this.time = CentreTime.of(centre);
        this.languages = offered(centre);
    }

    /** @return the site of {@code centre}; {@code null}, the defaults */
    public static Site of(Centre centre) {
        return centre == null ? DEFAULTS : new Site(centre);
    }

    /** @return the site the request is served for ({@link Scope}), or the defaults */
    public static Site of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof Site s ? s : DEFAULTS;
    }

    /** @return the defaults: no centre configured */
    public static Site defaults() {
        return DEFAULTS;
    }

    public Brand brand() {
        return brand;
    }

    public CentreTime time() {
        return time;
    }

    /** @return the languages the pages offer, the default first: the centre's that have words, else all that have */
    public List<String> languages() {
        return languages;
    }

    private static List<String> offered(Centre centre) {
        List<String> out = new ArrayList<>();
        for (String l : centre == null || centre.languages() == null ? Languages.all() : centre.languages()) {
            if (Languages.known(l) && !out.contains(l)) {
                out.add(l);
            }
        }
        return out.isEmpty() ? List.of(Messages.FALLBACK) : List.copyOf(out);
    }

    /** Gives every request the site of the centre as configured now ({@code null} while the centre is away). */
    public static final class Scope extends Handler.Wrapper {
        private final Supplier<Centre> centre;

        public Scope(Supplier<Centre> centre, Handler next) {
            super(next);
            this.centre = centre;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            request.setAttribute(ATTRIBUTE, of(centre.get()));
            return super.handle(request, response, callback);
        }
    }
}
