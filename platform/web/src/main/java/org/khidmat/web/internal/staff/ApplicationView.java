package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.page.CentreTime;
import org.khidmat.web.internal.page.FormHtml;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Money;

import java.util.ArrayList;
import java.util.List;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.Transition;
import org.khidmat.api.descriptor.Workflow;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.platform.TrackedApplication;

/**
 * What {@code application.jte} shows of one application to staff: its answers (a CNIC whole only for the owning
 * agency's officer), state, fee and payment state, history, the moves that can succeed now and those waiting for the
 * fee ({@link TrackedApplication#possible()}, the rule core enforces).
 */
record ApplicationView(String reference, String agency, String service, int version, String tier, String amount,
        String state, String payment, List<Answer> answers, boolean cnicWhole, List<History> history, List<Move> moves,
        List<String> waiting, List<FieldProblem> problems) {

    /** One answer; {@code id} is {@code cnic} for the first CNIC answer. */
    record Answer(String id, String label, String value, boolean ltr) {
    }

    record History(String when, String who, String from, String to, String note) {
    }

    record Move(String id, String to, String label, boolean noteRequired) {
    }

    static ApplicationView of(TrackedApplication t, String lang, boolean cnicWhole, List<FieldProblem> problems, CentreTime time) {
        ApplicationRecord a = t.application();
        ServiceDescriptor d = t.descriptor();
        Workflow w = d.workflow();
        List<Answer> answers = new ArrayList<>();
        boolean firstCnic = true;
        for (Field f : Applications.questions(d)) {
            String v = a.answers().getOrDefault(f.name(), "").strip();
            if (f.type() == FieldType.CNIC) {
                String shown = v.isEmpty() ? "" : cnicWhole ? FormHtml.cnic(v) : mask(v);
                answers.add(new Answer(firstCnic ? "cnic" : "answer-" + f.name(), f.label().in(lang), shown, true));
                firstCnic = false;
            } else if (f.type() == FieldType.SELECT) {
                answers.add(new Answer("answer-" + f.name(), f.label().in(lang), f.options().stream().filter(o -> o.value().equals(v))
                        .findFirst().map(o -> o.label().in(lang)).orElse(v), false));
            } else {
                answers.add(new Answer("answer-" + f.name(), f.label().in(lang), f.type() == FieldType.DATE ? FormHtml.date(v) : v,
                        f.type() == FieldType.PHONE
                        || f.type() == FieldType.DATE || f.type() == FieldType.EMAIL));
            }
        }
        List<History> history = new ArrayList<>();
        for (StatusChange c : t.history()) {
            history.add(new History(time.when(c.at()), Messages.of(Messages.STAFF, lang).getOr("application.actor." + c.actor(), c.actor()), c.from() == null ? "" : name(w, c.from(), lang),
                    name(w, c.to(), lang), c.note() == null ? "" : c.note()));
        }
        List<Move> moves = new ArrayList<>();
        int i = 0;
        for (Transition x : t.possible()) {
            moves.add(new Move(i++ == 0 ? "f-to" : "f-to-" + i, x.to(), x.label().in(lang), x.noteRequired()));
        }
        List<String> waiting = t.next().stream().filter(x -> t.waitsForPayment(x.to())).map(x -> x.label().in(lang)).toList();
        String amount = d.fee(a.tier()).map(f -> Money.pkr(f.amount(), lang)).orElse("");
        String tier = d.fee(a.tier()).map(f -> f.title().in(lang)).orElse(a.tier() == null ? "" : a.tier());
        return new ApplicationView(a.reference(), a.agency(), d.title().in(lang), a.descriptorVersion(), tier, amount,
                name(w, a.status(), lang), a.paymentState() == null ? "none" : a.paymentState(), answers, cnicWhole, history,
                moves, waiting, problems);
    }

    static String name(Workflow w, String state, String lang) {
        return w.state(state).map(s -> s.label().in(lang)).orElse(state);
    }

    static String mask(String cnic) {
        String d = cnic.replace("-", "");
        return d.length() == 13 ? d.substring(0, 5) + "-*******-" + d.charAt(12) : "*************";
    }

    /** @return whether the payment state holds the work back */
    boolean unpaid() {
        return "due".equals(payment) || "pending".equals(payment);
    }
}
