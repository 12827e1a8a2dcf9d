package org.khidmat.plugins.secp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khidmat.api.Problem;
import org.khidmat.api.ServiceHandler;
import org.khidmat.api.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Rules for incorporation that compare fields: the number of directors the kind of company needs
 * (one for a single member company, at least two for a private and three for a public company, as in the
 * Companies Act 2017), and a paid-up capital no larger than the authorised capital.
 */
@Component(property = ServiceHandler.SERVICE_ID + "=secp.incorporation")
public final class IncorporationRules implements ServiceHandler {
    static final Map<String, Integer> MIN_DIRECTORS = Map.of("smc", 1, "private", 2, "public", 3);

    @Override
    public List<Problem> check(Submission s) {
        List<Problem> problems = new ArrayList<>();
        String type = s.answer("companyType");
        long directors = number(s.answer("directors"));
        if ("smc".equals(type) && directors > 1) {
            problems.add(Problem.of("directors", "A single member company has exactly one director",
                    "سنگل ممبر کمپنی کا صرف ایک ڈائریکٹر ہوتا ہے"));
        } else if (MIN_DIRECTORS.containsKey(type) && directors >= 0 && directors < MIN_DIRECTORS.get(type)) {
            int min = MIN_DIRECTORS.get(type);
            problems.add(Problem.of("directors", "This kind of company needs at least " + min + " directors",
                    "اس قسم کی کمپنی کے لیے کم از کم " + min + " ڈائریکٹر درکار ہیں"));
        }
        long authorised = number(s.answer("authorisedCapital"));
        long paidUp = number(s.answer("paidUpCapital"));
        if (authorised >= 0 && paidUp > authorised) {
            problems.add(Problem.of("paidUpCapital", "The paid-up capital cannot be more than the authorised capital of Rs " + authorised,
                    "ادا شدہ سرمایہ منظور شدہ سرمائے (" + authorised + " روپے) سے زیادہ نہیں ہو سکتا"));
        }
        return problems;
    }

    /** @return the number, or -1 when the field is empty or not a whole number (the field rules said so already) */
    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
