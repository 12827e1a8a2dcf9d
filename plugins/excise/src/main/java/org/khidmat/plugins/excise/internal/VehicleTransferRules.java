package org.khidmat.plugins.excise.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for a transfer that compare fields: the buyer is not the seller, the sale has happened, and the
 * engine capacity fits the kind of vehicle.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=excise.vehicle-transfer")
public final class VehicleTransferRules implements ServiceHandler {
    static final int MAX_MOTORCYCLE_CC = 1000;
    static final int MIN_CAR_CC = 600;

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        String seller = s.answer("sellerCnic").replaceAll("[^0-9]", "");
        if (!seller.isEmpty() && seller.equals(s.answer("buyerCnic").replaceAll("[^0-9]", ""))) {
            problems.add(Problem.of("buyerCnic", "The buyer and the seller must be different people",
                    "خریدار اور فروخت کنندہ الگ الگ افراد ہونے چاہئیں"));
        }
        LocalDate sold = s.date("saleDate").orElse(null);
        if (sold != null && sold.isAfter(s.today())) {
            problems.add(Problem.of("saleDate", "The date of sale cannot be in the future",
                    "فروخت کی تاریخ آئندہ کی نہیں ہو سکتی"));
        }
        int cc = cc(s.answer("engineCc"));
        String kind = s.answer("vehicleClass");
        if (cc > 0 && "motorcycle".equals(kind) && cc > MAX_MOTORCYCLE_CC) {
            problems.add(Problem.of("engineCc", "A motorcycle has at most " + MAX_MOTORCYCLE_CC + " cc; check the kind of vehicle",
                    "موٹر سائیکل کا انجن زیادہ سے زیادہ " + MAX_MOTORCYCLE_CC + " سی سی ہوتا ہے؛ گاڑی کی قسم دوبارہ دیکھیں"));
        }
        if (cc > 0 && !"motorcycle".equals(kind) && !kind.isEmpty() && cc < MIN_CAR_CC) {
            problems.add(Problem.of("engineCc", "A car or commercial vehicle has at least " + MIN_CAR_CC + " cc; check the engine capacity",
                    "کار یا کمرشل گاڑی کا انجن کم از کم " + MIN_CAR_CC + " سی سی ہوتا ہے؛ انجن کی گنجائش دوبارہ دیکھیں"));
        }
        return problems;
    }

    private static int cc(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
