package org.khidmat.core.internal.centre;

import java.util.Optional;
import org.khidmat.api.descriptor.Field;
import org.khidmat.api.descriptor.FieldType;
import org.khidmat.api.platform.Applications;
import org.khidmat.api.descriptor.ServiceDescriptor;
import org.khidmat.api.descriptor.State;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.TrackedApplication;

/** The words of the messages to citizens, English then Urdu. */
final class MessageTexts {
    private MessageTexts() {
    }

    static Optional<String> text(TrackedApplication a, String event) {
        ServiceDescriptor d = a.descriptor();
        String ref = a.application().reference();
        String title = d.title().en();
        String titleUr = d.title().ur();
        switch (event) {
            case "submitted":
                return Optional.of("Asan Khidmat: we received your application " + ref + " for " + title
                        + ". Track it with this reference and your CNIC.\n"
                        + "آسان خدمت: آپ کی درخواست " + ref + " (" + titleUr + ") موصول ہو گئی۔");
            case "paid":
                return Optional.of("Asan Khidmat: payment received for application " + ref + " (" + title
                        + "). Your receipt is on the tracking page.\n"
                        + "آسان خدمت: درخواست " + ref + " کی ادائیگی موصول ہو گئی۔");
            case "status":
                Optional<State> s = d.workflow().state(a.application().status());
                String en = s.map(x -> x.label().en()).orElse(a.application().status());
                String ur = s.map(x -> x.label().ur()).orElse(a.application().status());
                String extra = "";
                String extraUr = "";
                String id = a.application().status();
                if (id.equals("ready") || id.equals("issued")) {
                    extra = " Your documents are ready: collect them at the centre with your CNIC.";
                    extraUr = " آپ کی دستاویزات تیار ہیں: شناختی کارڈ کے ساتھ مرکز سے وصول کریں۔";
                } else if (id.equals("documents-requested")) {
                    extra = " The agency needs more documents: see the tracking page.";
                    extraUr = " ادارے کو مزید دستاویزات درکار ہیں۔";
                }
                return Optional.of("Asan Khidmat: your application " + ref + " for " + title + " is now: " + en
                        + "." + extra + "\nآسان خدمت: درخواست " + ref + " کی حیثیت: " + ur + "۔" + extraUr);
            default:
                return Optional.empty();
        }
    }

    static String subject(Notification n) {
        return "Asan Khidmat: application " + n.reference();
    }

    /** @return the first answer of a phone or e-mail question of the form */
    static Optional<String> contact(TrackedApplication a, FieldType type) {
        for (Field f : Applications.questions(a.descriptor())) {
            String answer = a.application().answers().get(f.name());
            if (f.type() == type && answer != null && !answer.isBlank()) {
                return Optional.of(answer.replaceAll("[\\s-]", ""));
            }
        }
        return Optional.empty();
    }
}
