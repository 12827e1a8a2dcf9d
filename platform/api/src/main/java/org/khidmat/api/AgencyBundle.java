package org.khidmat.api;

/**
 * Manifest headers that make a bundle an agency bundle.
 */
public final class AgencyBundle {

    /**
     * Comma-separated paths, inside the bundle, of the JSON service descriptors it ships, for example
     * {@code Khidmat-Services: services/cnic-new.json, services/cnic-renewal.json}. A path that ends
     * in {@code /} names every {@code .json} file in that folder.
     */
    public static final String SERVICES_HEADER = "Khidmat-Services";

    /** Largest descriptor the centre reads, in bytes. */
    public static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

    private AgencyBundle() {
    }
}
