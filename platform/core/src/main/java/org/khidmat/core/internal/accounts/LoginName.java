package org.khidmat.core.internal.accounts;

import java.util.Locale;

/**
 * The name a login try is counted and audited under, bounded before it is used anywhere: a typed name that cannot be
 * a username (longer than one, or with other characters) is {@link #NOT_A_NAME}, never kept as sent. Before, every
 * failed or held-back try wrote the name at any length into the audit log (300 tries grew the database by 35 MB).
 */
final class LoginName {
    /** What a typed name that cannot be a username is counted and audited as; no username can be this. */
    static final String NOT_A_NAME = "(not-a-username)";

    private LoginName() {
    }

    static String of(String typed) {
        if (typed == null || typed.length() > 64) {
            return NOT_A_NAME;
        }
        String name = typed.trim().toLowerCase(Locale.ROOT);
        return AccountRules.USERNAME.matcher(name).matches() ? name : NOT_A_NAME;
    }

    /** @return the detail of a "login.throttled" audit row: where from and how many tries were held back */
    static String heldBack(String address, int n) {
        return "from " + address + ", " + n + (n == 1 ? " try" : " tries") + " held back";
    }
}
