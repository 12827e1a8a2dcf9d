package org.khidmat.web.internal.api;

import org.khidmat.web.internal.page.ServiceJson;

import java.util.Map;
import org.khidmat.api.descriptor.Workflow;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.TrackedApplication;

/** The JSON shapes of applications: the citizen's view (status and history) and a line of the agency's inbox. */
final class TrackJson {
    private TrackJson() {
    }

    static Map<String, Object> of(TrackedApplication t) {
        ApplicationRecord a = t.application();
        Workflow w = t.descriptor().workflow();
        Map<String, Object> m = ServiceJson.ordered("reference", a.reference(), "serviceId", a.serviceId(),
                "descriptorVersion", a.descriptorVersion(), "title", ServiceJson.text(t.descriptor().title()),
                "tier", a.tier(), "status", state(w, a.status()), "createdAt", a.createdAt().toString());
        m.put("history", t.history().stream().map(c -> ServiceJson.ordered("at", c.at().toString(), "actor", c.actor(),
                "from", c.from(), "to", c.to(), "label", state(w, c.to()).get("label"), "note", c.note())).toList());
        m.put("next", t.next().stream().map(x -> ServiceJson.ordered("to", x.to(), "label", ServiceJson.text(x.label()),
                "noteRequired", x.noteRequired())).toList());
        return m;
    }

    private static Map<String, Object> state(Workflow w, String id) {
        return ServiceJson.ordered("id", id, "label", w.state(id).map(s -> (Object) ServiceJson.text(s.label())).orElse(id));
    }

    static Map<String, Object> summary(ApplicationRecord a) {
        return ServiceJson.ordered("reference", a.reference(), "serviceId", a.serviceId(), "descriptorVersion",
                a.descriptorVersion(), "cnic", a.cnic(), "tier", a.tier(), "status", a.status(), "createdAt",
                a.createdAt().toString(), "updatedAt", a.updatedAt().toString());
    }
}
