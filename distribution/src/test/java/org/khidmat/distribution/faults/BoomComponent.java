package org.khidmat.distribution.faults;

/**
 * A Declarative Services component (declared by hand in OSGI-INF, see {@link FaultBundles#boom}) whose activate
 * method throws: agency code that fails after its bundle started.
 */
public final class BoomComponent {
    /** Its component name: the class name, as DS and bnd name a component by default (SCR's log lines use it too). */
    static final String NAME = "org.khidmat.distribution.faults.BoomComponent";

    public BoomComponent() {
        // SCR constructs it, then calls activate()
    }

    public void activate() {
        throw new RuntimeException("boom");
    }
}
