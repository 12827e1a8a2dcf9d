package org.khidmat.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Signals between two store instances over one database file, standing for two nodes. */
@ParameterizedClass
@EnumSource(Engine.class)
class CentreEventsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    private Database dbA;
    private Database dbB;
    private SqlCentreEvents nodeA;
    private SqlCentreEvents nodeB;

    @BeforeEach
    void open() {
        dbA = engine.open(dir);
        dbB = engine.open(dir);
        nodeA = new SqlCentreEvents(dbA, Clock.systemUTC());
        nodeB = new SqlCentreEvents(dbB, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
        dbA.close();
        dbB.close();
    }

    @Test
    void anEventOfOneNodeReachesTheOtherNodesOfItsCentreOnly() throws Exception {
        BlockingQueue<String> atB = new LinkedBlockingQueue<>();
        BlockingQueue<String> otherCentre = new LinkedBlockingQueue<>();
        BlockingQueue<String> atA = new LinkedBlockingQueue<>();
        nodeB.subscribe("isb-g11", atB::add);
        nodeB.subscribe("lhr-01", otherCentre::add);
        nodeA.subscribe("isb-g11", atA::add);

        long t0 = System.nanoTime();
        nodeA.publish("isb-g11", "queue");
        assertEquals("queue", atB.poll(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(millis < 1_000, "delivered in " + millis + " ms, more than 1 s");

        nodeA.publish("isb-g11", "queue");
        assertEquals("queue", atB.poll(5, TimeUnit.SECONDS));
        Thread.sleep(2 * SqlCentreEvents.POLL.toMillis());
        assertEquals(List.of(), List.copyOf(otherCentre), "another centre's screens hear nothing");
        assertEquals(List.of(), List.copyOf(atA), "the publishing node tells its own listeners itself");
    }

    @Test
    void aClosedSubscriptionHearsNothing() throws Exception {
        BlockingQueue<String> atB = new LinkedBlockingQueue<>();
        AutoCloseable subscription = nodeB.subscribe("isb-g11", atB::add);
        subscription.close();
        nodeA.publish("isb-g11", "queue");
        BlockingQueue<String> later = new LinkedBlockingQueue<>();
        nodeB.subscribe("isb-g11", later::add);
        nodeA.publish("isb-g11", "queue");
        assertEquals("queue", later.poll(5, TimeUnit.SECONDS));
        assertEquals(0, atB.size());
    }
}
