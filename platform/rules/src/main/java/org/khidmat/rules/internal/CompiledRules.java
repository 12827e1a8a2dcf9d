package org.khidmat.rules.internal;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Compiled expressions by their text, so each is compiled once however many descriptors and submissions use it.
 * The engine (and with it CEL, protobuf and Guava) is built by the first compilation, never before.
 */
final class CompiledRules {
    private static final int KEPT = 5000;
    private final Map<String, RuleEngine.Compiled> compiled = new ConcurrentHashMap<>();
    private volatile RuleEngine engine;

    /**
     * @return the compiled expression
     * @throws InvalidExpression with CEL's own words when it does not compile to a boolean
     */
    RuleEngine.Compiled get(String expression) throws InvalidExpression {
        RuleEngine.Compiled known = compiled.get(expression);
        if (known != null) {
            return known;
        }
        try {
            RuleEngine.Compiled c = engine().compile(expression);
            if (compiled.size() >= KEPT) {
                compiled.clear();
            }
            compiled.put(expression, c);
            return c;
        } catch (CelValidationException e) {
            throw new InvalidExpression(e.getErrors().stream().map(CompiledRules::issue).collect(Collectors.joining("; ")));
        } catch (CelEvaluationException e) {
            throw new InvalidExpression(e.getMessage());
        }
    }

    private static String issue(CelIssue i) {
        String where = i.getSourceLocation() == null || i.getSourceLocation().getLine() < 0 ? ""
                : "at column " + (i.getSourceLocation().getColumn() + 1) + ": ";
        return where + i.getMessage();
    }

    private RuleEngine engine() {
        RuleEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = new RuleEngine();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** An expression that does not compile; the message is CEL's, with the column. */
    static final class InvalidExpression extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidExpression(String message) {
            super(message, null, false, false);
        }
    }
}
