package org.khidmat.launcher.containment.platformfixture;

/** Stands for a class of the platform's own in {@code EmbeddedFelixContainmentTest}: copied into a test bundle. */
public final class Secret {
    public static String value() {
        return "platform only";
    }
}
