package org.khidmat.api.platform;

import java.util.List;

/**
 * A counter in the hall.
 *
 * @param number the counter number shown in the hall, from 1
 * @param categories the service categories it serves; empty means every category
 * @param open whether it calls tokens now
 */
public record Counter(int number, List<String> categories, boolean open) {

    /** @param category a service category; @return whether this counter serves it */
    public boolean serves(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
