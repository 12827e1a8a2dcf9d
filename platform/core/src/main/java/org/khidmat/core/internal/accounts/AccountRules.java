package org.khidmat.core.internal.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.khidmat.api.Problem;
import org.khidmat.api.platform.Role;
import org.khidmat.core.internal.words.CoreWords;

/** What a new staff account must be: every problem at once, each at its form field, in English and Urdu
 * ({@code account.*} of core's {@code messages_<lang>.properties}). */
final class AccountRules {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9.-]{2,31}");
    static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9]{1,15}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;
    private static final CoreWords WORDS = CoreWords.MESSAGES;

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
            out.add(WORDS.problem("username", "account.username.shape"));
        } else if (taken) {
            out.add(WORDS.problem("username", "account.username.taken", username));
        }
        String weak = weaknessKey(password);
        if (weak != null) {
            out.add(WORDS.problem("password", weak, weak.endsWith("long") ? MAX_PASSWORD : MIN_PASSWORD));
        }
        if (role == null) {
            out.add(WORDS.problem("role", "account.role.missing"));
        } else if (role == Role.AGENCY && (agency == null || !AGENCY.matcher(agency).matches())) {
            out.add(WORDS.problem("agency", "account.agency.code"));
        } else if (role == Role.AGENCY && !agencyKnown.test(agency)) {
            out.add(WORDS.problem("agency", "account.agency.unknown", agency));
        } else if (role != Role.AGENCY && agency != null) {
            out.add(WORDS.problem("agency", "account.agency.notAgency"));
        }
        return out;
    }

    /** @return what is wrong with a password, in English, or null */
    static String weakness(char[] password) {
        String key = weaknessKey(password);
        return key == null ? null : WORDS.en(key, key.endsWith("long") ? MAX_PASSWORD : MIN_PASSWORD);
    }

    private static String weaknessKey(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            return "account.password.short";
        }
        return password.length > MAX_PASSWORD ? "account.password.long" : null;
    }
}
