package org.khidmat.plugins.excise.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.testkit.DescriptorRulesCheck;

class VehicleTransferRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private final DescriptorRulesCheck rules = DescriptorRulesCheck.of(Path.of("target/classes"), "excise.vehicle-transfer");

    private static Map<String, String> transfer(String kind, String cc, String seller, String buyer, String sold) {
        return Map.of("vehicleClass", kind, "engineCc", cc, "sellerCnic", seller, "buyerCnic", buyer, "saleDate", sold);
    }

    @Test
    void anOrdinaryCarSaleIsAccepted() {
        rules.assertAccepts("normal", transfer("car", "1300", "6110111111111", "6110122222222", "2026-11-01"), TODAY);
    }

    @Test
    void boundaries() {
        rules.assertAccepts("urgent", transfer("motorcycle", "1000", "6110111111111", "6110122222222", "2026-11-21"), TODAY);
        rules.assertAccepts("urgent", transfer("car", "600", "6110111111111", "6110122222222", "2026-11-21"), TODAY);
    }

    @Test
    void sellingToYourselfIsRefused() {
        rules.assertRefuses("buyerCnic", "normal", transfer("car", "1300", "61101-1111111-1", "6110111111111", "2026-11-01"), TODAY);
    }

    @Test
    void aSaleTomorrowIsRefused() {
        rules.assertRefuses("saleDate", "normal", transfer("car", "1300", "6110111111111", "6110122222222", "2026-11-22"), TODAY);
    }

    @Test
    void engineCapacityMustFitTheKindOfVehicle() {
        rules.assertRefuses("engineCc", "normal", transfer("motorcycle", "1001", "6110111111111", "6110122222222", "2026-11-01"), TODAY);
        rules.assertRefuses("engineCc", "normal", transfer("commercial", "599", "6110111111111", "6110122222222", "2026-11-01"), TODAY);
    }
}
