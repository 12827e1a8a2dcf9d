package org.khidmat.rules.internal;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The functions rules may call beyond CEL's standard ones. {@code digits(s)}: the digits of a text answer (a B-form
 * number typed with dashes, to compare with a CNIC, which the centre keeps as 13 digits). Calendar arithmetic, on dates carried as CEL timestamps at midnight UTC: {@code d.addDays(n)},
 * {@code d.addMonths(n)}, {@code d.addYears(n)}, {@code yearsBetween(from, to)} (whole years, so an age is
 * {@code yearsBetween(answers.dateOfBirth, today)}), {@code daysBetween(from, to)}, and {@code date('2026-01-31')}.
 * CEL's own timestamp arithmetic knows only hours, not months or years.
 */
final class RuleFunctions {
    /** Dates beyond this many years from today are refused, so arithmetic can never overflow. */
    private static final long MAX_SHIFT = 10_000L * 366;

    private RuleFunctions() {
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("addDays", CelOverloadDecl.newMemberOverload(
                        "khidmat_add_days", SimpleType.TIMESTAMP, SimpleType.TIMESTAMP, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("addMonths", CelOverloadDecl.newMemberOverload(
                        "khidmat_add_months", SimpleType.TIMESTAMP, SimpleType.TIMESTAMP, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("addYears", CelOverloadDecl.newMemberOverload(
                        "khidmat_add_years", SimpleType.TIMESTAMP, SimpleType.TIMESTAMP, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("yearsBetween", CelOverloadDecl.newGlobalOverload(
                        "khidmat_years_between", SimpleType.INT, SimpleType.TIMESTAMP, SimpleType.TIMESTAMP)),
                CelFunctionDecl.newFunctionDeclaration("daysBetween", CelOverloadDecl.newGlobalOverload(
                        "khidmat_days_between", SimpleType.INT, SimpleType.TIMESTAMP, SimpleType.TIMESTAMP)),
                CelFunctionDecl.newFunctionDeclaration("date", CelOverloadDecl.newGlobalOverload(
                        "khidmat_date", SimpleType.TIMESTAMP, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("digits", CelOverloadDecl.newGlobalOverload(
                        "khidmat_digits", SimpleType.STRING, SimpleType.STRING)));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("khidmat_add_days", Instant.class, Long.class,
                        (t, n) -> at(day(t).plusDays(bounded(n, 1)))),
                CelFunctionBinding.from("khidmat_add_months", Instant.class, Long.class,
                        (t, n) -> at(day(t).plusMonths(bounded(n, 30)))),
                CelFunctionBinding.from("khidmat_add_years", Instant.class, Long.class,
                        (t, n) -> at(day(t).plusYears(bounded(n, 366)))),
                CelFunctionBinding.from("khidmat_years_between", Instant.class, Instant.class,
                        (a, b) -> ChronoUnit.YEARS.between(day(a), day(b))),
                CelFunctionBinding.from("khidmat_days_between", Instant.class, Instant.class,
                        (a, b) -> ChronoUnit.DAYS.between(day(a), day(b))),
                CelFunctionBinding.from("khidmat_date", String.class, s -> at(LocalDate.parse(s))),
                CelFunctionBinding.from("khidmat_digits", String.class, s -> s.replaceAll("[^0-9]", "")));
    }

    /** @return the date as rules see it: midnight UTC */
    static Instant at(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static long bounded(long n, long daysEach) {
        if (Math.abs(n) > MAX_SHIFT / daysEach) {
            throw new IllegalArgumentException("a date may move at most 10000 years");
        }
        return n;
    }
}
