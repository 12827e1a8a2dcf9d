package org.khidmat.web.internal.pay;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Ratings;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.http.RouteTable;
import org.khidmat.web.internal.page.Languages;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.StartPage;

/**
 * The citizen's pages after applying: {@code /pay}, {@code /receipt}, {@code /receipt/download} and {@code /rate}.
 * Each asks for the reference and CNIC in a POSTed form; a GET shows the empty form.
 */
public final class PaySite {
    private PaySite() {
    }

    /** @return the routes of paying, receipts and ratings */
    public static Handler routes(Applications applications, Payments payments, Ratings ratings) {
        PayPage pay = new PayPage(applications, payments);
        ReceiptPage receipt = new ReceiptPage(applications, payments);
        RatePage rate = new RatePage(ratings);
        return new RouteTable(PaySite::notHere)
                .route("/pay", RouteTable.GET_POST, (rq, rs, cb, at) -> pay.handle(rq, rs, cb, lang(rq)))
                .route("/receipt", RouteTable.GET_POST, (rq, rs, cb, at) -> receipt.handle(rq, rs, cb, lang(rq), false))
                .route("/receipt/download", RouteTable.GET_POST, (rq, rs, cb, at) -> receipt.handle(rq, rs, cb, lang(rq), true))
                .route("/rate", RouteTable.GET_POST, (rq, rs, cb, at) -> rate.handle(rq, rs, cb, lang(rq)));
    }

    /** @return the language the request asks for, of those the pay words are in ({@link Languages}) */
    private static String lang(Request request) {
        return Languages.of(request);
    }

    private static void notHere(Request request, Response response, Callback callback) {
        Http.html(response, callback, 405, StartPage.notFound(request, Layout.lang(request)));
    }
}
