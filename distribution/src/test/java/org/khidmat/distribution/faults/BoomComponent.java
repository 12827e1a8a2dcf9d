package org.khidmat.distribution.faults;

/**
 * A Declarative Services component (declared by hand in OSGI-INF, see {@link FaultBundles#boom}) whose activate
 * method throws: agency code that fails after its bundle started.
 */
public final class BoomComponent {
    static final String NAME = "fault.boom.component";

    public BoomComponent() {
        // SCR constructs it, then calls activate()
    }

    public void activate() {
        throw new RuntimeException("boom");
    }
}
