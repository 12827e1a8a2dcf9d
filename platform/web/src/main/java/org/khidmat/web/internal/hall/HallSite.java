package org.khidmat.web.internal.hall;

import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Appointments;
import org.khidmat.api.platform.Catalogue;
import org.khidmat.api.platform.Queue;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Site;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.StartPage;

/**
 * The hall's citizen pages, in English and Urdu like the rest of the citizen site: the kiosk {@code /queue} and the
 * token pages {@code /queue/tokens/{id}} ({@link KioskPages}), the hall screen {@code /display} ({@link DisplayPage};
 * its events are {@link HallEvents}), and appointments under {@code /appointments} ({@link AppointmentPages},
 * {@link ArrivalPages}). A kiosk or a hall screen is set to a language once, by its address: LanguageMemory remembers
 * it.
 */
public final class HallSite {
    private HallSite() {
    }

    /** @return the hall's routes */
    public static Handler routes(Queue queue, Appointments appointments, Catalogue catalogue, Supplier<HallBoard> board,
            Applications applications, BookingQuota quota) {
        KioskPages kiosk = new KioskPages(queue, catalogue, applications);
        AppointmentPages booking = new AppointmentPages(appointments, catalogue, quota);
        ArrivalPages arrival = new ArrivalPages(appointments, catalogue);
        return new RouteTable(HallSite::notHere)
                .route("/queue", RouteTable.GET_POST, (rq, rs, cb, at) -> kiosk.kiosk(rq, rs, cb, lang(rq)))
                .route("/queue/tokens/*", RouteTable.GET, (rq, rs, cb, at) -> kiosk.token(rq, rs, cb, lang(rq), at.get("*")))
                .route("/display", RouteTable.GET, (rq, rs, cb, at) -> Http.html(rs, cb, 200,
                        DisplayPage.render(lang(rq), board.get(), Site.of(rq))))
                .route("/appointments/check-in", RouteTable.GET_POST, (rq, rs, cb, at) -> arrival.checkIn(rq, rs, cb, lang(rq)))
                .route("/appointments/cancel", RouteTable.GET_POST, (rq, rs, cb, at) -> arrival.cancel(rq, rs, cb, lang(rq)))
                .route("/appointments/*", RouteTable.GET_POST, (rq, rs, cb, at) -> booking.handle(rq, rs, cb, lang(rq), at.get("*")));
    }

    /** @return the language the request asks for, of those the hall's words are in ({@link Languages}) */
    private static String lang(Request request) {
        return Languages.of(request);
    }

    private static void notHere(Request request, Response response, Callback callback) {
        Http.html(response, callback, 405, StartPage.notFound(request, Layout.lang(request)));
    }
}
