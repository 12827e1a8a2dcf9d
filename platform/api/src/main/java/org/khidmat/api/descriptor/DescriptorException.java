package org.khidmat.api.descriptor;

import java.util.List;

/**
 * A descriptor that cannot be used, with every problem found in it. Each problem names the descriptor,
 * the place in it (a JSON path such as {@code fees[1].days}) and what is wrong.
 */
public final class DescriptorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems the problems, at least one
     */
    public DescriptorException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in the order found */
    public List<String> problems() {
        return problems;
    }
}
