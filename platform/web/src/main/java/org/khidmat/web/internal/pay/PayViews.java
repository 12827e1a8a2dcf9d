package org.khidmat.web.internal.pay;

import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.DisabledReason;
import org.khidmat.web.internal.page.FormProblem;
import org.khidmat.web.internal.page.Messages;

import java.util.List;
import org.khidmat.api.platform.Payment;
import org.khidmat.api.platform.Receipt;
import org.khidmat.api.platform.TrackedApplication;

/** What the pay, receipt and rate templates ({@code pay/*.jte}) are given; every text plain, the templates escape. */
final class PayViews {
    private PayViews() {
    }

    /** The reference and CNIC form of a page: its heading, intro and button, where it posts, what was typed. */
    record Lookup(List<FormProblem> problems, String heading, String intro, String action, String button, String reference,
            String cnic) {
    }

    /** One citizen's request about one application they proved is theirs, in the page's language. */
    record Visit(TrackedApplication t, String cnic, String lang, CentreTime time) {
        String reference() {
            return t.application().reference();
        }

        /** @return where a form of this page posts to: the path, keeping the page's language */
        String action(String path) {
            return path + "?lang=" + lang;
        }
    }

    /** What is owed and the providers to pay it with. */
    record Owed(Visit visit, long amount, List<String> providers, FormProblem problem) {
        List<FormProblem> problems() {
            return problem == null ? List.of() : List.of(problem);
        }
    }

    /** A payment started and not yet confirmed; {@code startedBefore} when a "pay" found it there already. */
    record Pending(Visit visit, Payment payment, FormProblem problem, boolean startedBefore) {
        List<FormProblem> problems() {
            return problem == null ? List.of() : List.of(problem);
        }

        /** @return the provider's instructions, in both languages or English alone; {@code null} when it gave none */
        DisabledReason said() {
            return DisabledReason.of(payment.instructions());
        }
    }

    /** A paid fee's receipt; {@code now} when this request paid it. */
    record Paid(Visit visit, Receipt receipt, boolean now) {
    }

    /** The rating form as typed, with its problems. */
    record Rating(List<FormProblem> problems, String action, String reference, String cnic, String stars, String comment) {
    }

    /** @return the provider's plain name for citizens, or its id when the centre has no name for it */
    static String provider(Messages m, String id) {
        return switch (id) {
            case "simpay.wallet" -> m.get("wallet");
            case "simpay.challan" -> m.get("challan");
            default -> id;
        };
    }
}
