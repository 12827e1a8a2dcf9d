package org.khidmat.web.internal.http;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health/live}: 200 {@code {"status":"UP"}} whenever the server can answer, also while the centre starts
 * or a service it needs is away: the process is alive, so a supervisor must not restart it. Whether it serves
 * citizens is {@code /health/ready}'s question.
 */
public final class Liveness extends Handler.Wrapper {
    public Liveness(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if ("/health/live".equals(Request.getPathInContext(request))) {
            Http.json(response, callback, 200, Map.of("status", "UP"));
            return true;
        }
        return super.handle(request, response, callback);
    }
}
