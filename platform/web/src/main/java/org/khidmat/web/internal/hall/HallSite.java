package org.khidmat.web.internal.hall;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.StartPage;

import java.io.IOException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Queue;

/**
 * The hall's citizen pages, in English and Urdu like the rest of the citizen site: the kiosk {@code /queue} and the
 * token pages {@code /queue/tokens/{id}} ({@link KioskPages}), the hall screen {@code /display} ({@link DisplayPage};
 * its events are {@link HallEvents}), and appointments under {@code /appointments} ({@link AppointmentPages},
 * {@link ArrivalPages}).
 */
public final class HallSite extends Handler.Abstract {
    private final KioskPages kiosk;
    private final AppointmentPages booking;
    private final ArrivalPages arrival;
    private final Supplier<HallBoard> board;

    public HallSite(Queue queue, Appointments appointments, Catalogue catalogue, Supplier<HallBoard> board, Applications applications,
            BookingQuota quota) {
        this.kiosk = new KioskPages(queue, catalogue, applications);
        this.booking = new AppointmentPages(appointments, catalogue, quota);
        this.arrival = new ArrivalPages(appointments, catalogue);
        this.board = board;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        boolean queuePath = path.equals("/queue") || path.startsWith("/queue/tokens/");
        boolean appointmentPath = path.equals("/appointments") || path.startsWith("/appointments/");
        if (!queuePath && !appointmentPath && !path.equals("/display")) {
            return false;
        }
        String method = request.getMethod();
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        String lang = Layout.lang(request);
        // a kiosk or a hall screen is set to a language once, by its address: LanguageMemory remembers it
        boolean postable = path.equals("/queue") || appointmentPath;
        if (!get && !(postable && Exchange.isPost(request))) {
            response.getHeaders().put("Allow", postable ? "GET, HEAD, POST" : "GET, HEAD");
            Http.html(response, callback, 405, StartPage.notFound(request, lang));
            return true;
        }
        try {
            if (path.equals("/queue")) {
                kiosk.kiosk(request, response, callback, lang);
            } else if (queuePath) {
                kiosk.token(request, response, callback, lang, path.substring("/queue/tokens/".length()));
            } else if (path.equals("/display")) {
                Http.html(response, callback, 200, DisplayPage.render(request, lang, board.get()));
            } else if (path.equals("/appointments/check-in")) {
                arrival.checkIn(request, response, callback, lang);
            } else if (path.equals("/appointments/cancel")) {
                arrival.cancel(request, response, callback, lang);
            } else {
                booking.handle(request, response, callback, lang, path.equals("/appointments") ? ""
                        : path.substring("/appointments/".length()));
            }
        } catch (Exchange.TooLarge e) {
            Http.html(response, callback, 413, Layout.page(request, lang, "413", "<h1>413</h1><p>" + Http.escape(e.getMessage())
                    + "</p>"));
        }
        return true;
    }
}
