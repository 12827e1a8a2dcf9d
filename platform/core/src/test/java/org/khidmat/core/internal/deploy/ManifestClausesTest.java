package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.core.internal.deploy.ManifestClauses.Clause;

class ManifestClausesTest {

    @Test
    void nothingToParse() {
        assertEquals(List.of(), ManifestClauses.parse(null));
        assertEquals(List.of(), ManifestClauses.parse(""));
        assertEquals(List.of(), ManifestClauses.parse("  "));
    }

    @Test
    void singlePackage() {
        assertEquals(List.of(new Clause(List.of("org.khidmat.api"), Map.of(), Map.of())),
                ManifestClauses.parse("org.khidmat.api"));
    }

    @Test
    void severalPackagesShareOneClause() {
        assertEquals(List.of(new Clause(List.of("org.a", "org.b", "org.c"), Map.of("version", "1.2"), Map.of())),
                ManifestClauses.parse("org.a;org.b;org.c;version=1.2"));
    }

    @Test
    void quotedVersionRangeKeepsItsComma() {
        List<Clause> clauses = ManifestClauses.parse(
                "org.khidmat.api;version=\"[1.0,2)\",org.khidmat.api.descriptor;version=\"[1.0.0,1.1.0)\"");
        assertEquals(List.of(
                new Clause(List.of("org.khidmat.api"), Map.of("version", "[1.0,2)"), Map.of()),
                new Clause(List.of("org.khidmat.api.descriptor"), Map.of("version", "[1.0.0,1.1.0)"), Map.of())),
                clauses);
    }

    @Test
    void directivesAreKeptApartFromAttributes() {
        assertEquals(List.of(new Clause(List.of("org.slf4j"), Map.of("version", "[2.0,3)"),
                Map.of("resolution", "optional"))),
                ManifestClauses.parse("org.slf4j;resolution:=optional;version=\"[2.0,3)\""));
    }

    @Test
    void quotedDirectiveMayHoldCommasAndSemicolons() {
        assertEquals(List.of(new Clause(List.of("org.a"), Map.of("version", "1.0.0", "note", "x;y"),
                Map.of("uses", "org.b,org.c"))),
                ManifestClauses.parse("org.a;uses:=\"org.b,org.c\";version=1.0.0;note=\"x;y\""));
    }

    @Test
    void typedAttributeLosesItsType() {
        assertEquals(Map.of("version", "1.0", "count", "3"),
                ManifestClauses.parse("org.a;version:Version=\"1.0\";count:Long=3").get(0).attributes());
    }

    @Test
    void whitespaceAroundEverythingIsIgnored() {
        List<Clause> clauses = ManifestClauses.parse(
                "  org.a ; org.b ;  version = \"[1, 2)\" ; resolution := optional ,  org.c  ");
        assertEquals(List.of(
                new Clause(List.of("org.a", "org.b"), Map.of("version", "[1, 2)"), Map.of("resolution", "optional")),
                new Clause(List.of("org.c"), Map.of(), Map.of())), clauses);
    }

    @Test
    void emptyClausesAndClausesWithoutNamesAreDropped() {
        assertEquals(List.of(
                new Clause(List.of("org.a"), Map.of(), Map.of()),
                new Clause(List.of("org.b"), Map.of(), Map.of())),
                ManifestClauses.parse("org.a,, ;version=1 ,org.b,"));
    }

    @Test
    void attributeOrderIsKept() {
        assertEquals(List.of("version", "bundle-symbolic-name", "x"), List.copyOf(
                ManifestClauses.parse("org.a;version=1;bundle-symbolic-name=b;x=y").get(0).attributes().keySet()));
    }
}
