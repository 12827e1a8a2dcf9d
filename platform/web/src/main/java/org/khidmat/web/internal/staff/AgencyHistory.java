package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Gate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;
import org.khidmat.api.platform.Role;

/**
 * An agency's deploy history, from the audit log: the bundle steps that name one of its services
 * ({@code services=[nadra....]}) or were asked for by one of its staff: the newest {@value #SCANNED} bundle steps,
 * read through the audit log's index of actions, whatever the number of other entries.
 */
final class AgencyHistory {
    private static final int SCANNED = 2000;

    private AgencyHistory() {
    }

    static List<AuditEntry> of(AuditLog audit, Gate gate, String agency) {
        Set<String> staff = gate.accounts().list().stream().filter(a -> a.role() == Role.AGENCY && agency.equals(a.agency()))
                .map(a -> a.username()).collect(Collectors.toSet());
        String services = "[" + agency + ".";
        return audit.actions("bundle.", SCANNED).stream().filter(e -> staff.contains(e.actor())
                || e.detail() != null && (e.detail().contains(services) || e.detail().contains(", " + agency + ".")))
                .limit(200).toList();
    }
}
