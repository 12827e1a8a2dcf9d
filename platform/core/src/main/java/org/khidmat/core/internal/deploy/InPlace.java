package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.khidmat.core.internal.words.CoreWords;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The update for a bundle that cannot stand beside its own other version (a singleton): stop, update, start and
 * verify in place, going back to the version before on any failure. Its services are away for the moment of the
 * switch; every other bundle is updated side by side without that gap.
 */
final class InPlace {
    private static final Logger LOG = LoggerFactory.getLogger(InPlace.class);

    private InPlace() {
    }

    /** @return whether the bundle must be updated in place: a singleton, now or in the new jar */
    static boolean needed(Bundle old, java.nio.file.Path jar) {
        if (singleton(old.getHeaders("").get("Bundle-SymbolicName"))) {
            return true;
        }
        try (java.util.jar.JarFile zip = new java.util.jar.JarFile(jar.toFile(), false)) {
            return zip.getManifest() != null && singleton(zip.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean singleton(String header) {
        return header != null && header.replace(" ", "").contains("singleton:=true");
    }

    static org.khidmat.api.platform.DeployResult update(Switchover switchover, BundleSteps steps, Bundle bundle,
            Installed current, Installed next, long t0, String verb) throws Refusal {
        if (bundle == null) {
            throw Refusal.of("refusal.noLongerInstalled", current.candidate().label());
        }
        try {
            replaceBytes(steps, bundle, next);
            steps.startAndVerify(bundle, next.candidate());
        } catch (Refusal r) {
            try {
                replaceBytes(steps, bundle, current);
                steps.startAndVerify(bundle, current.candidate());
            } catch (Refusal again) {
                LOG.error("could not restore {}: {}", current.candidate().label(), again.getMessage());
            }
            if (r instanceof Misbehaved) {
                throw new Misbehaved(CoreWords.REFUSALS.en("refusal.kept", r.getMessage(), current.candidate().label()), r);
            }
            throw Refusal.of(r, "refusal.kept.again", r.getMessage(), current.candidate().label());
        }
        switchover.commit(next, current, bundle);
        return switchover.committedReplace(current, next, t0, verb);
    }

    private static void replaceBytes(BundleSteps steps, Bundle bundle, Installed to) throws Refusal {
        try (InputStream in = Files.newInputStream(to.archived())) {
            steps.stop(bundle, to.candidate());
            bundle.update(in);
        } catch (BundleException | IOException e) {
            throw Refusal.of(e, "refusal.notReplaced", to.candidate().label(), e.getMessage());
        }
        steps.refresh(List.of(bundle));
    }
}
