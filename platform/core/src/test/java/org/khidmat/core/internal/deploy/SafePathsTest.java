package org.khidmat.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SafePaths#child} takes one plain file name and nothing that could leave its folder. */
class SafePathsTest {
    private static final Path FOLDER = Path.of("home", "data", "deployer");

    @ParameterizedTest
    @ValueSource(strings = {"org.acme.permits", "1.0.0-abcdef012345.jar", "permits.jar", "a..b", "..a", "a b"})
    void plainNamesAreChildren(String name) {
        assertEquals(FOLDER.resolve(name), SafePaths.child(FOLDER, name));
        assertTrue(SafePaths.isPlainName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../conf", "../../conf", "a/b", "/etc", "a\\b", "C:", "a\u0000b", "a\nb",
            "a\u001bb"})
    void anythingElseIsRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafePaths.child(FOLDER, name));
        assertTrue(e.getMessage().contains("is not a plain file name"), e.getMessage());
        assertFalse(SafePaths.isPlainName(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void lengthIsBounded(int length) {
        assertEquals(length <= SafePaths.MAX_NAME, SafePaths.isPlainName("a".repeat(length)));
    }
}
