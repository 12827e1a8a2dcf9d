package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.application;
import static org.khidmat.testkit.store.Samples.ref;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;
import org.khidmat.api.store.ApplicationStore;

/** {@link ApplicationStore#page} and {@link ApplicationStore#list}: newest first, filters, limits, keyset pages. */
public abstract class InboxPageContract extends StoreContract {
    private static final Comparator<ApplicationRecord> NEWEST_FIRST = Comparator
            .comparing(ApplicationRecord::createdAt).thenComparing(ApplicationRecord::reference).reversed();
    private static final String[] AGENCIES = {"nadra", "fbr", "nadra"};
    private static final String[] STATES = {"submitted", "in-review", "approved", "submitted"};

    /** 30 applications: three agencies' turns, four states' turns, some filed in the same millisecond. */
    private List<ApplicationRecord> fileThirty() {
        List<ApplicationRecord> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String agency = AGENCIES[i % 3];
            String service = agency + (i % 3 == 2 ? ".other" : ".main");
            all.add(filed(application(ref(i * 7 % 30), agency, service, STATES[i % 4], T.plusMillis(i / 3))));
        }
        all.sort(NEWEST_FIRST);
        return all;
    }

    private List<ApplicationRecord> readAll(String agency, String service, String status, int pageSize) {
        List<ApplicationRecord> read = new ArrayList<>();
        InboxCursor after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<ApplicationRecord> page = stores.applications().page(agency, service, status, after, pageSize);
            assertTrue(page.size() <= pageSize, "a page holds at most its limit");
            if (page.isEmpty()) {
                return read;
            }
            read.addAll(page);
            after = InboxCursor.after(page.get(page.size() - 1));
        }
        throw new AssertionError("the pages never end");
    }

    @Test
    public void pagesAreNewestFirstByFilingTimeThenReferenceAndNeitherSkipNorRepeat() {
        List<ApplicationRecord> all = fileThirty();

        assertEquals(all, readAll(null, null, null, 7));
        assertEquals(all, readAll(null, null, null, 1));
        assertEquals(all, stores.applications().list(null, null, null, 100));
        assertEquals(all.subList(0, 5), stores.applications().list(null, null, null, 5));
    }

    @Test
    public void everyFilterAndEveryCombinationGivesExactlyItsApplications() {
        List<ApplicationRecord> all = fileThirty();
        for (String agency : new String[] {null, "nadra", "fbr", "none"}) {
            for (String service : new String[] {null, "nadra.main", "nadra.other", "fbr.main"}) {
                for (String status : new String[] {null, "submitted", "approved"}) {
                    List<ApplicationRecord> expected = all.stream()
                            .filter(a -> agency == null || a.agency().equals(agency))
                            .filter(a -> service == null || a.serviceId().equals(service))
                            .filter(a -> status == null || a.status().equals(status)).toList();
                    String filter = agency + "/" + service + "/" + status;
                    assertEquals(expected, readAll(agency, service, status, 4), filter);
                    assertEquals(expected, stores.applications().list(agency, service, status, 1000), filter);
                }
            }
        }
    }

    @Test
    public void aLimitOfZeroOrLessGivesNothing() {
        fileThirty();

        assertEquals(List.of(), stores.applications().list(null, null, null, 0));
        assertEquals(List.of(), stores.applications().page(null, null, null, null, 0));
        assertEquals(List.of(), stores.applications().page("nadra", null, null, null, -1));
    }

    @Test
    public void aCursorBetweenApplicationsOrPastTheLastIsKeyedByTimeAndReference() {
        List<ApplicationRecord> all = fileThirty();
        ApplicationRecord tenth = all.get(9);
        InboxCursor between = InboxCursor.after(tenth.createdAt(), tenth.reference() + "0");

        assertEquals(all.subList(9, 30), stores.applications().page(null, null, null, between, 100),
                "a cursor needs no application of its own");
        assertEquals(List.of(), stores.applications().page(null, null, null, InboxCursor.after(all.get(29)), 100));
    }

    @Test
    public void pagesReadWhileOthersFileNeitherSkipNorRepeat() throws InterruptedException {
        List<ApplicationRecord> before = fileThirty();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread filer = new Thread(() -> {
            StoreUnderTest other = stores.otherNode();
            for (int i = 0; i < 200 && !stop.get() && failed.get() == null; i++) {
                other.applications().file(application(String.format("NEWR-%04d-K", i), T.plusSeconds(60 + i)),
                        Samples.submission(application(String.format("NEWR-%04d-K", i), T.plusSeconds(60 + i))),
                        Samples.submitNote(application(String.format("NEWR-%04d-K", i), T)), List.of());
            }
        });
        filer.setUncaughtExceptionHandler((t, e) -> failed.set(e));
        filer.start();
        List<ApplicationRecord> read;
        try {
            read = readAll(null, null, null, 3);
        } finally {
            stop.set(true);
            filer.join(60_000);
        }

        assertEquals(null, failed.get(), "the other node filed without failing");
        Set<String> seen = new HashSet<>();
        read.forEach(a -> assertTrue(seen.add(a.reference()), a.reference() + " read twice"));
        assertTrue(read.containsAll(before), "every application filed before the pages began is on one of them");
        List<ApplicationRecord> sorted = new ArrayList<>(read);
        sorted.sort(NEWEST_FIRST);
        assertEquals(sorted, read, "newest first throughout");
    }

    @Test
    public void applicationsOfOneMillisecondFollowTheReferenceAsJavaOrdersIt() {
        List<ApplicationRecord> all = new ArrayList<>();
        for (String reference : List.of("AB12-CD34-E", "ab12-cd34-e", "AB12_CD34_E", "AB12CD34E", "AB12-CD34-e", "Ab12-CD34-E")) {
            all.add(filed(application(reference, T)));
        }
        all.sort(NEWEST_FIRST);

        assertEquals(all, readAll(null, null, null, 1), "InboxCursor.precedes compares references as String.compareTo");
        assertEquals(all, stores.applications().list(null, null, null, 10));
    }
}
