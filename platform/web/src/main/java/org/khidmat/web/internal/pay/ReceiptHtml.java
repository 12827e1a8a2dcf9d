package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Templates;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.khidmat.api.platform.Receipt;

/**
 * A receipt as a downloadable file ({@code pay/receiptFile.jte}): a printable page with its own styles and nothing to
 * fetch, so it reads the same offline and in years. On a page the receipt is {@code pay/receiptSection.jte}.
 */
final class ReceiptHtml {
    private ReceiptHtml() {
    }

    /** @return the file's name, {@code receipt-KR-20260131-KM7Q4XPAK.html} */
    static String fileName(Receipt r) {
        return "receipt-" + r.receiptNumber().replaceAll("[^A-Za-z0-9-]", "") + ".html";
    }

    /** @return the downloadable receipt: one self-contained, printable HTML page */
    static byte[] file(PayViews.Paid receipt, Messages m) {
        return Templates.render("pay/receiptFile.jte", Map.of("m", m, "view", receipt)).getBytes(StandardCharsets.UTF_8);
    }
}
