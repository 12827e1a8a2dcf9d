package org.khidmat.web.internal.page;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Gate;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.ServiceAway;
import org.khidmat.web.internal.http.Standby;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.pathmap.MatchedResource;
import org.eclipse.jetty.http.pathmap.PathMappings;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Role;
import org.khidmat.api.web.Answer;
import org.khidmat.api.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard: every {@link Page} service, routed by its URI templates with Jetty's {@link PathMappings}, added
 * when it is registered and taken out when it goes. A path whose page has gone answers 503 in English and Urdu
 * ({@link ServiceAway}) until a page takes it again; the other pages serve on. Roles are checked by the {@link Gate}.
 */
public final class Pages extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final Standby.Away GONE = new Standby.Away(
            "This page is not available at the moment. Please try again in a few minutes.",
            "یہ صفحہ اس وقت دستیاب نہیں۔ چند منٹ بعد دوبارہ کوشش کریں۔");

    /** One registered page at one of its paths. */
    record Route(Page page, Object key, UriTemplatePathSpec spec, Set<String> methods, Role[] roles) {
    }

    private final Gate gate;
    private final Map<Object, List<Route>> byKey = new ConcurrentHashMap<>();
    private volatile PathMappings<Route> routes = new PathMappings<>();
    private volatile PathMappings<Boolean> gone = new PathMappings<>();

    public Pages(Gate gate) {
        this.gate = gate;
    }

    /**
     * Adds a page at its paths ({@link Page#PATH}).
     *
     * @param key what identifies the registration (its service reference), to remove it by
     * @throws IllegalArgumentException when a path is no URI template or a role is unknown, naming it
     */
    public synchronized void add(Object key, Page page, Map<String, Object> properties) {
        Set<String> methods = new TreeSet<>(strings(properties.get(Page.METHODS)));
        if (methods.isEmpty()) {
            methods.addAll(List.of("GET", "HEAD"));
        }
        List<Role> roles = new ArrayList<>();
        for (String r : strings(properties.get(Page.ROLE))) {
            try {
                roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("page " + key + ": role '" + r + "' is none of ADMIN, OPERATOR, AGENCY");
            }
        }
        List<Route> added = new ArrayList<>();
        for (String path : strings(properties.get(Page.PATH))) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("page " + key + ": path '" + path + "' must start with /");
            }
            added.add(new Route(page, key, new UriTemplatePathSpec(path),
                    methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                    roles.toArray(Role[]::new)));
        }
        if (added.isEmpty()) {
            throw new IllegalArgumentException("page " + key + " has no " + Page.PATH + " property: give it the paths it answers");
        }
        byKey.put(key, added);
        rebuild();
        LOG.debug("web: page {} added at {}", page.getClass().getName(), added.stream().map(r -> r.spec().getDeclaration()).toList());
    }

    /** Takes a page out; its paths answer 503 until a page takes them again. */
    public synchronized void remove(Object key) {
        List<Route> removed = byKey.remove(key);
        if (removed != null) {
            rebuild();
            PathMappings<Boolean> g = copy(gone);
            removed.forEach(r -> g.put(r.spec(), Boolean.TRUE));
            gone = g;
        }
    }

    private void rebuild() {
        PathMappings<Route> r = new PathMappings<>();
        PathMappings<Boolean> g = copy(gone);
        byKey.values().forEach(list -> list.forEach(route -> {
            r.put(route.spec(), route);
            g.remove(route.spec());
        }));
        routes = r;
        gone = g;
    }

    private static <T> PathMappings<T> copy(PathMappings<T> from) {
        PathMappings<T> to = new PathMappings<>();
        from.forEach(m -> to.put(m.getPathSpec(), m.getResource()));
        return to;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        MatchedResource<Route> m = routes.getMatched(path);
        if (m == null) {
            if (gone.getMatched(path) != null) {
                throw new ServiceAway(GONE);
            }
            return false;
        }
        Route route = m.getResource();
        if (!route.methods().contains(request.getMethod())) {
            response.getHeaders().put("Allow", String.join(", ", route.methods()));
            Http.error(response, callback, 405, request.getMethod() + " is not allowed on " + path + "; use "
                    + String.join(" or ", route.methods()));
            return true;
        }
        Optional<String> caller = Optional.empty();
        Map<String, String> form = null;
        if (route.roles().length > 0) {
            Optional<Gate.Caller> c = signedIn(request, response, callback, path, route.roles());
            if (c.isEmpty()) {
                return true;
            }
            if (!Gate.csrfOk(request, c.get(), null)) {
                form = Exchange.form(request);
                if (!Gate.csrfOk(request, c.get(), form.get(Gate.CSRF_FIELD))) {
                    Http.error(response, callback, 403, "missing or wrong " + Gate.CSRF_HEADER + " header or "
                            + Gate.CSRF_FIELD + " field; send the csrf value of your session");
                    return true;
                }
            }
            caller = Optional.of(c.get().name());
        }
        Answer a;
        try {
            a = route.page().answer(new PageAsk(request, route.spec().getPathParams(path), caller, form));
        } catch (PageAsk.TooLarge e) {
            throw (Exchange.TooLarge) e.getCause();
        }
        if (a == null) {
            throw new IllegalStateException("page " + route.key() + " answered null for " + path);
        }
        PageAnswers.write(request, response, callback, a);
        return true;
    }

    /** The caller with one of the roles; else the request is answered: 401 or a login redirect, 403. */
    private Optional<Gate.Caller> signedIn(Request request, Response response, Callback callback, String path, Role[] roles) {
        if (path.startsWith("/api/")) {
            return gate.api(request, response, callback, roles);
        }
        Optional<Gate.Caller> c = gate.caller(request);
        if (c.isEmpty()) {
            Exchange.redirect(response, callback, "/login");
        } else if (!Gate.allowed(c.get(), roles)) {
            Http.error(response, callback, 403, "account " + c.get().name() + " may not see this page");
            return Optional.empty();
        }
        return c;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
