package org.khidmat.api.platform;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param intact whether every entry's hash matches its content and its predecessor
 * @param entries how many entries were checked
 * @param firstBroken the seq of the first entry that does not match, or 0 when intact
 * @param message a sentence for the admin
 */
public record AuditCheck(boolean intact, long entries, long firstBroken, String message) {
}
