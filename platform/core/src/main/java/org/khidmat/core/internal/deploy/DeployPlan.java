package org.khidmat.core.internal.deploy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.khidmat.api.store.WantedBundle;
import org.osgi.framework.Version;

/**
 * What the deployer decides before it touches the framework: pure functions of the bundles it runs (those it
 * committed, by symbolic name) and of what it was asked. The deployer's thread acts on them ({@link JarIntake},
 * {@link Withdrawal}, {@link SetSteps}); they are tested apart from it ({@code DeployPlanTest}).
 */
final class DeployPlan {
    private DeployPlan() {
    }

    /** The deployed bundle whose jar has these bytes: such a jar is recognised before any other work. */
    static Optional<Installed> sameBytes(Collection<Installed> running, String sha256) {
        return running.stream().filter(i -> i.candidate().sha256().equals(sha256)).findFirst();
    }

    /** The deployed bundle a file in deploy/ stands for. */
    static Optional<Installed> standingFor(Collection<Installed> running, String fileName) {
        return running.stream().filter(i -> fileName.equals(i.sourceFile())).findFirst();
    }

    /** The bundles with no file in deploy/ (it left while the centre was down, or there never was one). */
    static List<String> goneWhileDown(Collection<Installed> running, Predicate<String> inFolder) {
        return running.stream().filter(i -> i.sourceFile() == null || !inFolder.test(i.sourceFile()))
                .map(i -> i.candidate().symbolicName()).toList();
    }

    /** The name of a checked jar in its bundle's archive folder: one per version and build. */
    static String archivedName(Candidate c) {
        return c.version() + "-" + c.sha256().substring(0, 12) + ".jar";
    }

    /** What a rollback of one bundle does. */
    sealed interface Rollback {
        /** No bundle of that name is deployed. */
        record NotDeployed() implements Rollback {
        }

        /** The deployed version is the first this node knows: there is nothing to go back to. */
        record NothingBefore(Installed current) implements Rollback {
        }

        /** Replace {@code current} with {@code next}, the version deployed before it. */
        record To(Installed current, Installed next) implements Rollback {
        }
    }

    static Rollback rollback(Map<String, Installed> running, String symbolicName, String actor, Instant now) {
        Installed current = running.get(symbolicName);
        if (current == null) {
            return new Rollback.NotDeployed();
        }
        Installed back = current.previous();
        if (back == null) {
            return new Rollback.NothingBefore(current);
        }
        return new Rollback.To(current, new Installed(-1, back.candidate(), back.archived(), null, actor, now,
                back.previous()));
    }

    /** What a withdrawal of one bundle does. */
    sealed interface Withdraw {
        /** No bundle of that name is deployed. */
        record NotDeployed() implements Withdraw {
        }

        /** Asked over the API while other deployed bundles import it: refused, naming them. */
        record Conflict(Installed current, List<String> dependents) implements Withdraw {
        }

        /**
         * Withdraw {@code current}.
         *
         * @param first the dependents to withdraw before it (asked with its dependents)
         * @param suspend the dependents to suspend after it (its jar left deploy/, or the set dropped it)
         * @param recordInSet whether the withdrawal is written to the bundle set (not when it came from there)
         */
        record Go(Installed current, List<String> first, List<String> suspend, boolean recordInSet) implements Withdraw {
        }
    }

    /** @param dependents the deployed bundles that import the bundle's packages */
    static Withdraw withdrawal(Map<String, Installed> running, String symbolicName, List<String> dependents, Removal how) {
        Installed current = running.get(symbolicName);
        if (current == null) {
            return new Withdraw.NotDeployed();
        }
        if (!dependents.isEmpty() && how == Removal.ASKED) {
            return new Withdraw.Conflict(current, dependents);
        }
        return new Withdraw.Go(current, how == Removal.WITH_DEPENDENTS ? dependents : List.of(),
                how == Removal.FILE_GONE || how == Removal.SET ? dependents : List.of(), how != Removal.SET);
    }

    /** How a node takes a bundle of the set that it does not run as stored. */
    enum FromSet {
        /** the set holds the version before the running one: a rollback */
        ROLLBACK,
        /** the set holds an older version than the running one (it went back past what this node remembers) */
        WITHDRAW_THEN_DEPLOY,
        /** a new bundle, or a newer version */
        DEPLOY
    }

    static FromSet fromSet(Installed current, WantedBundle wanted) {
        if (current != null && current.previous() != null
                && current.previous().candidate().sha256().equals(wanted.sha256())) {
            return FromSet.ROLLBACK;
        }
        if (current != null && current.candidate().version().compareTo(Version.parseVersion(wanted.version())) > 0) {
            return FromSet.WITHDRAW_THEN_DEPLOY;
        }
        return FromSet.DEPLOY;
    }
}
