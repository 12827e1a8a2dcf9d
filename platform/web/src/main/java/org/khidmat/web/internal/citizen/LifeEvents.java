package org.khidmat.web.internal.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.khidmat.api.descriptor.ServiceDescriptor;

/**
 * Services grouped by the moments of life people come to the centre for, as GOV.UK and ASAN group them: having a
 * baby, turning 18, getting married, a death in the family, travel or work abroad, starting a business, buying a
 * vehicle, moving home, a lost document. A service belongs to an event by its category or by its id (an agency's new
 * service in one of these categories joins it without a change here); the names are in the hall's words files
 * ({@code event.<id>}). The mapping is the platform's, not the descriptors': agencies describe what they offer, the
 * centre arranges it for citizens.
 */
final class LifeEvents {
    /** Event id to what belongs in it. */
    static final Map<String, Rule> EVENTS = new LinkedHashMap<>();

    record Rule(Set<String> categories, Set<String> services) {
        boolean has(ServiceDescriptor d) {
            return categories.contains(d.category()) || services.contains(d.id());
        }
    }

    static {
        e("baby", Set.of(), Set.of("ictadmin.birth-certificate", "nadra.crc"));
        e("turning-18", Set.of(), Set.of("nadra.cnic-new", "itp.learner-permit", "itp.driving-licence", "dgip.passport-new",
                "ictadmin.domicile"));
        e("marriage", Set.of(), Set.of("ictadmin.marriage-certificate", "ictadmin.divorce-certificate", "nadra.cnic-modification",
                "nadra.frc"));
        e("death", Set.of(), Set.of("ictadmin.death-certificate", "nadra.frc"));
        e("abroad", Set.of("passports", "overseas"), Set.of("itp.international-licence", "ictpolice.character-certificate",
                "nadra.frc", "tdap.certificate-of-origin"));
        e("business", Set.of("business", "trade", "life-events"), Set.of("fbr.ntn-registration", "fbr.sales-tax-registration"));
        e("vehicle", Set.of("vehicles", "driving"), Set.of());
        e("home", Set.of("utilities", "property"), Set.of("ictpolice.tenant-registration", "ictadmin.domicile",
                "nadra.cnic-modification"));
        e("lost", Set.of(), Set.of("nadra.cnic-lost", "dgip.passport-lost", "ictpolice.lost-report"));
    }

    private LifeEvents() {
    }

    private static void e(String id, Set<String> categories, Set<String> services) {
        EVENTS.put(id, new Rule(categories, services));
    }

    /** @return whether the service is part of the event; false for an unknown event */
    static boolean in(String event, ServiceDescriptor d) {
        Rule r = EVENTS.get(event);
        return r != null && r.has(d);
    }

    /** @return the events, in their order, with how many of the services belong to each (only those with any) */
    static Map<String, Integer> counts(List<ServiceDescriptor> services) {
        Map<String, Integer> out = new LinkedHashMap<>();
        EVENTS.forEach((id, r) -> {
            int n = (int) services.stream().filter(r::has).count();
            if (n > 0) {
                out.put(id, n);
            }
        });
        return out;
    }
}
