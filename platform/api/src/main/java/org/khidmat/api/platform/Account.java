package org.khidmat.api.platform;

import java.time.Instant;

/**
 * A staff account (never a citizen: citizens need no account).
 *
 * @param username the login name
 * @param role what the account may do
 * @param agency the agency code of an {@link Role#AGENCY} account, else {@code null}
 * @param enabled whether it may log in; disabling ends its sessions
 * @param createdAt when it was made
 */
public record Account(String username, Role role, String agency, boolean enabled, Instant createdAt) {
}
