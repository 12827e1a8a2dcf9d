package org.khidmat.testkit.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.StatusChange;
import org.khidmat.api.store.AuditNote;

/** Values the contracts store: applications, their submissions, audit notes and messages. */
public final class Samples {
    /** A filing time, a Friday morning in the centre (05:00 UTC is 10:00 PKT). */
    public static final Instant T = Instant.parse("2026-03-06T05:00:00Z");
    /** A CNIC, 13 digits. */
    public static final String CNIC = "3520212345671";

    private Samples() {
    }

    /** @return reference {@code n} as a reference looks: {@code TEST-0007-K} */
    public static String ref(int n) {
        return String.format("TEST-%04d-K", n);
    }

    /** @return an application of nadra's {@code nadra.cnic-renewal}, tier normal, submitted, filed at {@code at} */
    public static ApplicationRecord application(String reference, Instant at) {
        return application(reference, "nadra", "nadra.cnic-renewal", "submitted", at);
    }

    /** @return an application in state {@code status}, descriptor version 1, tier normal, fee due */
    public static ApplicationRecord application(String reference, String agency, String serviceId, String status,
            Instant at) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("fullName", "Ayesha Khan");
        answers.put("phone", "03001234567");
        return new ApplicationRecord(reference, serviceId, 1, agency, CNIC, "normal", answers, status, "due", at, at);
    }

    /** @return its submission: from {@code null} to its status, by the citizen */
    public static StatusChange submission(ApplicationRecord a) {
        return new StatusChange(a.reference(), a.createdAt(), "citizen", null, a.status(), null);
    }

    /** @return the {@code application.submit} note for it */
    public static AuditNote submitNote(ApplicationRecord a) {
        return AuditNote.of("citizen", "application.submit", a.reference(), "filed for " + a.serviceId());
    }

    /** @return a queued SMS about it */
    public static Notification sms(String reference, Instant at) {
        return new Notification(0, reference, "submitted", "sms", "03001234567", "Received: " + reference,
                Notification.QUEUED, null, null, 0, at, null, null);
    }

    /** @return a queued e-mail about it */
    public static Notification email(String reference, Instant at) {
        return new Notification(0, reference, "submitted", "email", "ayesha@example.pk", "Received: " + reference,
                Notification.QUEUED, null, null, 0, at, null, null);
    }
}
