package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.http.Http;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.StartPage;

import java.io.IOException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Payments;
import org.khidmat.api.platform.Ratings;

/**
 * The citizen's pages after applying: {@code /pay}, {@code /receipt}, {@code /receipt/download} and {@code /rate}.
 * Each asks for the reference and CNIC in a POSTed form; a GET shows the empty form.
 */
public final class PaySite extends Handler.Abstract {
    private final PayPage pay;
    private final ReceiptPage receipt;
    private final RatePage rate;

    public PaySite(Applications applications, Payments payments, Ratings ratings) {
        this.pay = new PayPage(applications, payments);
        this.receipt = new ReceiptPage(applications, payments);
        this.rate = new RatePage(ratings);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/pay") && !path.equals("/receipt") && !path.equals("/receipt/download") && !path.equals("/rate")) {
            return false;
        }
        String lang = Layout.lang(request);
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!get && !Exchange.isPost(request)) {
            response.getHeaders().put("Allow", "GET, HEAD, POST");
            Http.html(response, callback, 405, StartPage.notFound(request, lang));
            return true;
        }
        try {
            switch (path) {
                case "/pay" -> pay.handle(request, response, callback, lang);
                case "/rate" -> rate.handle(request, response, callback, lang);
                default -> receipt.handle(request, response, callback, lang, path.equals("/receipt/download"));
            }
        } catch (Exchange.TooLarge e) {
            Http.html(response, callback, 413, Layout.page(request, lang, "413", "<h1>413</h1><p>" + Http.escape(e.getMessage())
                    + "</p>"));
        }
        return true;
    }
}
