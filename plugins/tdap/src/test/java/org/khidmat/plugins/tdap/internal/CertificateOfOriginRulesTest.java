package org.khidmat.plugins.tdap.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.khidmat.testkit.DescriptorRulesCheck;

class CertificateOfOriginRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "tdap.certificate-of-origin");

    private static Map<String, String> shipment(String agreement, String destination, String invoiced, String shipped) {
        return Map.of("agreement", agreement, "destination", destination, "invoiceDate", invoiced, "shipmentDate", shipped);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"gsp-plus,de", "safta,bd", "safta,lk", "psfta,lk", "cpfta,cn", "pmeps,my"})
    void theAgreementCoversTheDestination(String agreement, String destination) {
        rules.assertAccepts("normal", shipment(agreement, destination, "2026-11-10", "2026-11-12"), TODAY);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"gsp-plus,us", "gsp-plus,gb", "safta,cn", "cpfta,de", "pmeps,ae"})
    void anAgreementThatDoesNotCoverTheDestinationIsRefused(String agreement, String destination) {
        rules.assertRefuses("destination", "urgent", shipment(agreement, destination, "2026-11-10", "2026-11-12"), TODAY);
    }

    @Test
    void datesInOrderOnTheSameDayAreFine() {
        rules.assertAccepts("normal", shipment("cpfta", "cn", "2026-11-21", "2026-11-21"), TODAY);
    }

    @Test
    void badDatesAreRefused() {
        rules.assertRefuses("invoiceDate", "normal", shipment("cpfta", "cn", "2026-11-22", "2026-11-23"), TODAY);
        rules.assertRefuses("shipmentDate", "normal", shipment("cpfta", "cn", "2026-11-10", "2026-11-09"), TODAY);
    }
}
