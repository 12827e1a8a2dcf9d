package org.khidmat.rules.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Instant;
import java.util.Map;

/**
 * The CEL environment of descriptor rules: the variables {@code answers} (a map from field name to the typed
 * answer), {@code today} and {@code tier}, CEL's standard functions and macros, and the date functions of
 * {@link RuleFunctions}. Nothing else is reachable: no Java objects, no I/O, no clock but {@code today}.
 * Building it loads CEL, protobuf and Guava (the better part of a second in a fresh JVM), so the rules service
 * builds it on first use only.
 */
final class RuleEngine {
    /** Bounds on an expression, beyond the descriptor's limit on its length. */
    static final int MAX_EXPRESSION_CHARS = 1000;
    static final int MAX_NESTING = 32;
    static final int MAX_NODES = 400;
    static final int MAX_ITERATIONS = 1000;

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    RuleEngine() {
        CelOptions options = CelOptions.current()
                .maxExpressionCodePointSize(MAX_EXPRESSION_CHARS)
                .maxParseRecursionDepth(MAX_NESTING)
                .maxParseExpressionNodeCount(MAX_NODES)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .maxRegexProgramSize(100)
                .enableTimestampEpoch(false)
                .evaluateCanonicalTypesToNativeValues(true)
                .build();
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("answers", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("today", SimpleType.TIMESTAMP)
                .addVar("tier", SimpleType.STRING)
                .addFunctionDeclarations(RuleFunctions.declarations())
                .setResultType(SimpleType.BOOL)
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addFunctionBindings(RuleFunctions.bindings())
                .build();
    }

    /**
     * @param expression a rule's {@code when} or {@code check}
     * @return the compiled, type-checked expression
     * @throws CelValidationException when it is not a valid boolean expression in this environment
     * @throws CelEvaluationException when the runtime cannot plan it
     */
    Compiled compile(String expression) throws CelValidationException, CelEvaluationException {
        CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
        return new Compiled(ast, runtime.createProgram(ast));
    }

    /** A compiled expression and the answers it reads. */
    record Compiled(CelAbstractSyntaxTree ast, CelRuntime.Program program) {
        boolean eval(Map<String, Object> answers, Instant today, String tier) throws CelEvaluationException {
            Object result = program.eval(Map.of("answers", answers, "today", today, "tier", tier));
            if (result instanceof Boolean b) {
                return b;
            }
            throw new IllegalStateException("the expression gave " + result + " instead of true or false");
        }
    }
}
