package org.khidmat.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.khidmat.api.store.BundleSet;
import org.khidmat.api.store.WantedBundle;

/**
 * Takes a jar of the bundle set out of the database into the node's archive folder, for the deployer to check and
 * install as any other: only when its bytes have the SHA-256 of its row. A jar that does not is refused, never
 * written where the deployer would install it.
 */
final class SetJars {
    private final BundleSet set;
    private final Path folder;

    SetJars(BundleSet set, Path archiveDir) {
        this.set = set;
        this.folder = archiveDir;
    }

    /**
     * @return a file holding the jar, which the caller deletes after the deploy
     * @throws Refusal when the set no longer holds it, or its bytes are not those its row names
     */
    Path fetch(WantedBundle w) throws Refusal, IOException {
        byte[] jar = set.jar(w.symbolicName()).orElseThrow(() -> new Refusal("bundle " + w
                + " left the bundle set before this node took it"));
        String sha = sha256(jar);
        if (!sha.equals(w.sha256())) {
            throw new Refusal("the jar of " + w + " in the bundle set has SHA-256 " + sha + " but its row says "
                    + w.sha256() + ": the database copy was changed or damaged; deploy the bundle again from its jar");
        }
        Path partial = folder.resolve(".from-set-" + sha.substring(0, 12) + ".jar.partial");
        Path file = folder.resolve("from-set-" + sha.substring(0, 12) + ".jar");
        Files.write(partial, jar);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
