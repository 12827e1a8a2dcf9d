package org.khidmat.plugins.tdap.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for a preferential certificate of origin: the trade agreement covers the country of destination,
 * the invoice is not dated in the future, and the goods were not shipped before they were invoiced.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=tdap.certificate-of-origin")
public final class CertificateOfOriginRules implements ServiceHandler {
    /** Destination countries (of the descriptor's list) that each agreement covers. */
    static final Map<String, Set<String>> COVERS = Map.of(
            "gsp-plus", Set.of("de", "fr", "it", "nl", "es", "be"),
            "safta", Set.of("af", "bd", "np", "lk"),
            "cpfta", Set.of("cn"),
            "psfta", Set.of("lk"),
            "pmeps", Set.of("my"));

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        Set<String> covered = COVERS.get(s.answer("agreement"));
        String destination = s.answer("destination");
        if (covered != null && !destination.isEmpty() && !covered.contains(destination)) {
            problems.add(Problem.of("destination", "The agreement you chose does not cover this country; choose the agreement "
                    + "with the country of destination, or ask a chamber of commerce for a non-preferential certificate",
                    "منتخب کردہ معاہدہ اس ملک پر لاگو نہیں ہوتا؛ منزل کے ملک والا معاہدہ منتخب کریں، یا غیر ترجیحی سرٹیفکیٹ کے لیے چیمبر آف کامرس سے رجوع کریں"));
        }
        LocalDate invoiced = s.date("invoiceDate").orElse(null);
        LocalDate shipped = s.date("shipmentDate").orElse(null);
        if (invoiced != null && invoiced.isAfter(s.today())) {
            problems.add(Problem.of("invoiceDate", "The invoice date cannot be in the future", "انوائس کی تاریخ آئندہ کی نہیں ہو سکتی"));
        }
        if (invoiced != null && shipped != null && shipped.isBefore(invoiced)) {
            problems.add(Problem.of("shipmentDate", "The shipment date cannot be before the invoice date",
                    "کھیپ کی روانگی کی تاریخ انوائس کی تاریخ سے پہلے کی نہیں ہو سکتی"));
        }
        return problems;
    }
}
