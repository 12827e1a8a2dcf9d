package org.khidmat.web.internal;

/**
 * The development console switch: framework property {@code khidmat.dev.console=true} (the launcher sets it from
 * {@code KHIDMAT_DEV_CONSOLE}). Until accounts and login exist, the agency inbox and the dev endpoints answer only
 * when it is on, and 404 otherwise.
 */
record DevSwitch(boolean on) {
    static final String PROPERTY = "khidmat.dev.console";
    static final String ACTOR_PREFIX = "dev-console:";
}
