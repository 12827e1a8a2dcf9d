package org.khidmat.api.platform;

import java.time.Instant;

/**
 * A token an agency's build pipeline sends as {@code Authorization: Bearer ...}; only its hash is stored.
 *
 * @param id the token's public id (its first characters), to list and revoke it
 * @param username the account it acts as
 * @param label what it is for, for example "CI of the NADRA bundle"
 * @param createdAt when it was issued
 * @param revoked whether it was revoked
 */
public record ApiToken(String id, String username, String label, Instant createdAt, boolean revoked) {
}
