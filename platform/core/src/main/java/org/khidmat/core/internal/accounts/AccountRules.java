package org.khidmat.core.internal.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Role;

/** What a new staff account must be: every problem at once, each at its form field, in English and Urdu. */
final class AccountRules {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9.-]{2,31}");
    static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9]{1,15}");

    private AccountRules() {
    }

    /**
     * @param taken whether the username is someone's already
     * @param agencyKnown whether the centre has an agency with this code
     */
    static List<Problem> check(String username, boolean taken, char[] password, Role role, String agency,
            Predicate<String> agencyKnown) {
        List<Problem> out = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            out.add(Problem.of("username", "a username is 3 to 32 lowercase letters, digits, dots or dashes",
                    "صارف نام 3 سے 32 چھوٹے انگریزی حروف، ہندسوں، نقطوں یا ڈیش پر مشتمل ہو"));
        } else if (taken) {
            out.add(Problem.of("username", "the username " + username + " is taken", "صارف نام " + username + " پہلے سے لیا جا چکا ہے"));
        }
        String weak = weakness(password);
        if (weak != null) {
            out.add(Problem.of("password", weak, weak.contains("256") ? "پاس ورڈ زیادہ سے زیادہ 256 حروف کا ہو"
                    : "پاس ورڈ کم از کم 12 حروف کا ہو"));
        }
        if (role == null) {
            out.add(Problem.of("role", "choose a role", "کردار منتخب کریں"));
        } else if (role == Role.AGENCY && (agency == null || !AGENCY.matcher(agency).matches())) {
            out.add(Problem.of("agency", "an agency account needs the agency's code, like nadra",
                    "ادارے کے اکاؤنٹ کے لیے ادارے کا کوڈ درکار ہے، مثلاً nadra"));
        } else if (role == Role.AGENCY && !agencyKnown.test(agency)) {
            out.add(Problem.of("agency", "this centre has no agency " + agency + ": check the code, or say it is a new agency "
                    + "(one that will upload its first bundle)", "اس مرکز میں " + agency
                    + " نام کا کوئی ادارہ نہیں: کوڈ جانچیں، یا بتائیں کہ یہ نیا ادارہ ہے (جو اپنا پہلا بنڈل لگائے گا)"));
        } else if (role != Role.AGENCY && agency != null) {
            out.add(Problem.of("agency", "only an agency account belongs to an agency", "صرف ادارے کا اکاؤنٹ کسی ادارے سے منسلک ہوتا ہے"));
        }
        return out;
    }

    /** @return what is wrong with a password, or null */
    static String weakness(char[] password) {
        if (password == null || password.length < 12) {
            return "a password needs at least 12 characters";
        }
        return password.length > 256 ? "a password may have at most 256 characters" : null;
    }
}
