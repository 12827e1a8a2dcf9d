package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.khidmat.testkit.store.Samples.T;
import static org.khidmat.testkit.store.Samples.application;
import static org.khidmat.testkit.store.Samples.ref;
import static org.khidmat.testkit.store.Samples.submission;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.store.AuditCheck;
import org.khidmat.api.store.AuditEntry;
import org.khidmat.api.store.AuditLog;

/** {@link AuditLog}: the chain appended to, searched, checked intact, and a tampered entry or a missing one named. */
public abstract class AuditLogContract extends StoreContract {

    @Test
    public void entriesAreNumberedFromOneAndReadNewestFirst() {
        AuditCheck empty = stores.audit().verify();
        assertTrue(empty.intact(), "an empty log is intact: " + empty.message());
        assertEquals(0, empty.entries());
        assertEquals(List.of(), stores.audit().search(null, 10));

        AuditEntry first = stores.audit().append("admin", "login", "admin", "from 10.0.0.7");
        AuditEntry second = stores.audit().append("system", "bundle.deploy", "org.acme.permits", null);
        AuditEntry third = stores.audit().append("nadra-ci", "bundle.refuse", null, "not signed");

        assertEquals(List.of(1L, 2L, 3L), List.of(first.seq(), second.seq(), third.seq()));
        assertEquals(List.of(third, second, first), stores.audit().search(null, 10));
        assertEquals(List.of(third, second), stores.audit().search(null, 2));
        assertEquals(List.of(), stores.audit().search(null, 0));
        assertEquals("bundle.deploy", second.action());
        assertEquals(null, second.detail());
        assertTrue(first.hash().matches("[0-9a-f]{64}"), first.hash());
        assertNotEquals(first.hash(), second.hash());
        AuditCheck check = stores.audit().verify();
        assertTrue(check.intact(), check.message());
        assertEquals(3, check.entries());
        assertEquals(0, check.firstBroken());
        assertEquals(List.of(), check.unaudited());
    }

    @Test
    public void searchFindsTextInAnyOfTheFourFieldsIgnoringTheCaseOfLetters() {
        stores.audit().append("admin", "login", "admin", "from 10.0.0.7");
        stores.audit().append("system", "bundle.deploy", "org.acme.Permits", "100% done");
        stores.audit().append("nadra-ci", "bundle.refuse", null, "not signed_by the agency");
        stores.audit().append("admin", "backup", "C:\\backups", null);

        assertEquals(List.of(4L), seqs(stores.audit().search("\\", 10)), "a backslash is a character too");
        assertEquals(List.of(3L), seqs(stores.audit().search("NADRA", 10)), "actor");
        assertEquals(List.of(1L), seqs(stores.audit().search("logi", 10)), "action");
        assertEquals(List.of(2L), seqs(stores.audit().search("permits", 10)), "subject");
        assertEquals(List.of(1L), seqs(stores.audit().search("10.0.0", 10)), "detail");
        assertEquals(List.of(3L, 2L), seqs(stores.audit().search("bundle.", 10)));
        assertEquals(List.of(2L), seqs(stores.audit().search("%", 10)), "% is a character, not a wildcard");
        assertEquals(List.of(3L), seqs(stores.audit().search("_", 10)), "_ is a character, not a wildcard");
        assertEquals(List.of(), stores.audit().search("nobody", 10));
        assertEquals(List.of(4L, 3L, 2L, 1L), seqs(stores.audit().search("", 10)), "empty text matches all");
    }

    @Test
    public void actionsAreTheEntriesWhoseActionBeginsWithThePrefixNewestFirst() {
        stores.audit().append("system", "bundle.deploy", "org.acme.permits", "services=[acme.permit]");
        stores.audit().append("admin", "login", "admin", "bundle.deploy in the detail is not the action");
        stores.audit().append("nadra-ci", "bundle.refuse", null, "not signed");
        stores.audit().append("admin", "bundles", null, "a longer action that the prefix with its dot leaves out");
        stores.audit().append("admin", "Bundle.deploy", null, "another case");
        stores.audit().append("admin", "bundle/", null, "the character after the dot");
        stores.audit().append("system", "bundle.withdraw", "org.acme.permits", null);

        assertEquals(List.of(7L, 3L, 1L), seqs(stores.audit().actions("bundle.", 10)));
        assertEquals(List.of(7L, 3L), seqs(stores.audit().actions("bundle.", 2)));
        assertEquals(List.of(), stores.audit().actions("bundle.", 0));
        assertEquals(List.of(7L, 6L, 4L, 3L, 1L), seqs(stores.audit().actions("bundle", 10)));
        assertEquals(List.of(1L), seqs(stores.audit().actions("bundle.deploy", 10)));
        assertEquals(List.of(), stores.audit().actions("bundle.%", 10), "% is no wildcard");
        assertEquals(7, stores.audit().actions("", 10).size(), "an empty prefix: every entry");
        assertEquals(stores.audit().search(null, 10), stores.audit().actions("", 10));
        assertThrows(NullPointerException.class, () -> stores.audit().actions(null, 10));
    }

    @Test
    public void aTamperedEntryIsNamedByTheCheck() {
        for (int i = 0; i < 5; i++) {
            stores.audit().append("admin", "service.disable", "nadra.cnic-renewal", "step " + i);
        }

        stores.tamper(3);

        AuditCheck check = stores.audit().verify();
        assertFalse(check.intact());
        assertEquals(3, check.firstBroken());
        assertFalse(check.message().isBlank(), "a sentence for the admin");
    }

    @Test
    public void anApplicationStoredWithoutItsSubmitEntryIsListed() {
        filed(ref(1), T);
        ApplicationRecord bare = application(ref(2), T);
        stores.applications().create(bare, submission(bare));

        AuditCheck check = stores.audit().verify();

        assertFalse(check.intact(), "an application without its entry leaves the log not intact");
        assertEquals(0, check.firstBroken(), "the chain itself holds");
        assertEquals(List.of(ref(2)), check.unaudited());
    }

    @Test
    public void appendsFromManyThreadsOnTwoNodesMakeOneUnbrokenChain() {
        int threads = 6;
        int each = 10;
        Together.run(threads, stores, (t, node) -> {
            for (int i = 0; i < each; i++) {
                node.audit().append("thread-" + t, "test.append", "entry " + i, null);
            }
            return null;
        });

        List<AuditEntry> all = stores.audit().search(null, 1000);
        assertEquals(LongStream.iterate(threads * each, s -> s >= 1, s -> s - 1).boxed().toList(), seqs(all),
                "seq 1 to n, no gap, no repeat");
        AuditCheck check = stores.audit().verify();
        assertTrue(check.intact(), check.message());
        assertEquals(threads * each, check.entries());
    }

    @Test
    public void anEntryWithoutActorOrActionIsRefusedAndNothingIsAppended() {
        stores.audit().append("admin", "login", "admin", null);

        assertThrows(NullPointerException.class, () -> stores.audit().append(null, "login", "admin", null));
        assertThrows(NullPointerException.class, () -> stores.audit().append("admin", null, "admin", null));

        assertEquals(1, auditSize());
        assertTrue(stores.audit().verify().intact());
    }

    private static List<Long> seqs(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::seq).toList();
    }
}
