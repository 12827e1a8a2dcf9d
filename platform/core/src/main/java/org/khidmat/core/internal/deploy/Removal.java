package org.khidmat.core.internal.deploy;

/** Why a bundle is being withdrawn, which decides what happens to the bundles that import its packages. */
enum Removal {
    /** asked for over the API: refused while others depend on it */
    ASKED,
    /** asked for with its dependents: they go first */
    WITH_DEPENDENTS,
    /** its jar left deploy/: it goes, and its dependents are suspended until it returns */
    FILE_GONE,
    /** the bundle set no longer holds it, or holds an older build: as FILE_GONE, and the set is not written */
    SET
}
