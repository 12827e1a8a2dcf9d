package org.khidmat.testkit.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.StoreException;
import org.khidmat.api.store.AuditEntry;

/**
 * The base of every contract class: a fresh {@link StoreUnderTest} per test, closed after it. A store runs a contract
 * by subclassing it in its own test tree and implementing {@link #open()}.
 */
public abstract class StoreContract {
    /** The stores of the current test. */
    protected StoreUnderTest stores;

    /** @return stores over a database that holds nothing yet, for one test */
    protected abstract StoreUnderTest open();

    @BeforeEach
    final void openStores() {
        stores = open();
    }

    @AfterEach
    final void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }

    /** Files an application with its submission and audit entry and no message; @return it */
    protected final ApplicationRecord filed(ApplicationRecord a) {
        if (stores.applications().file(a, Samples.submission(a), Samples.submitNote(a), List.of()).isEmpty()) {
            throw new AssertionError("reference " + a.reference() + " was taken");
        }
        return a;
    }

    /** Files {@code Samples.application(reference, at)}; @return it */
    protected final ApplicationRecord filed(String reference, Instant at) {
        return filed(Samples.application(reference, at));
    }

    /** A refusal of bad input: a {@link NullPointerException}, {@link IllegalArgumentException} or {@link StoreException}. */
    protected static void assertRefusal(RuntimeException e) {
        assertTrue(e instanceof NullPointerException || e instanceof IllegalArgumentException || e instanceof StoreException,
                "bad input gives NullPointerException, IllegalArgumentException or StoreException, not " + e);
        assertFalse(String.valueOf(e.getMessage()).contains(Samples.CNIC), "no CNIC in a message: " + e.getMessage());
    }

    /** @return the audit entries with that action, newest first */
    protected final List<AuditEntry> audited(String action) {
        return stores.audit().search(null, Integer.MAX_VALUE).stream().filter(e -> e.action().equals(action)).toList();
    }

    /** @return how many entries the audit log holds */
    protected final int auditSize() {
        return stores.audit().search(null, Integer.MAX_VALUE).size();
    }
}
