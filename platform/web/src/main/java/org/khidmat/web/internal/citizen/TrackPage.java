package org.khidmat.web.internal.citizen;

import org.khidmat.web.internal.http.Exchange;
import org.khidmat.web.internal.page.Layout;
import org.khidmat.web.internal.page.Messages;
import org.khidmat.web.internal.page.Wording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.khidmat.api.Problem;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.descriptor.Workflow;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.platform.Digits;
import org.khidmat.api.platform.TrackedApplication;

/**
 * {@code /track}: reference and CNIC in a POSTed form (never the URL) show the status and history, then the
 * applicant's {@link TrackSections} (payment, rating), in {@code citizen/track.jte}. A wrong pair gets the same answer as an unknown reference.
 */
final class TrackPage {
    private final Applications applications;
    private final TrackSections sections;

    TrackPage(Applications applications, TrackSections sections) {
        this.applications = applications;
        this.sections = sections;
    }

    String render(Request request, String lang) throws IOException, Exchange.TooLarge {
        Map<String, String> form = Exchange.isPost(request) ? Exchange.form(request) : Map.of();
        String reference = Digits.ascii(form.getOrDefault("reference", "")).strip();
        String cnic = Digits.ascii(form.getOrDefault("cnic", "")).strip();
        List<Problem> problems = new ArrayList<>();
        Optional<TrackedApplication> found = Optional.empty();
        if (Exchange.isPost(request)) {
            if (reference.isEmpty()) {
                problems.add(Wording.problem(Messages.CITIZEN, "reference", "enterRef"));
            }
            if (cnic.isEmpty()) {
                problems.add(Wording.problem(Messages.CITIZEN, "cnic", "enterCnic"));
            }
            if (problems.isEmpty()) {
                found = applications.track(reference, cnic);
                if (found.isEmpty()) {
                    problems.add(Wording.problem(Messages.CITIZEN, "reference", "noMatch"));
                }
            }
        }
        return Layout.render(request, lang, "citizen/track.jte", new View(reference, cnic, problems, found.orElse(null),
                found.map(t -> sections.of(t, cnic)).orElse(null)));
    }

    /** What {@code citizen/track.jte} shows: the form as sent, its problems, and what was found with its sections. */
    record View(String reference, String cnic, List<Problem> problems, TrackedApplication found, TrackSections.View sections) {
    }

    /** @return the state's name in the language, as plain text; its id when the workflow does not name it */
    static String label(Workflow w, String state, String lang) {
        return w.state(state).map(State::label).map(l -> l.in(lang)).orElse(state);
    }
}
