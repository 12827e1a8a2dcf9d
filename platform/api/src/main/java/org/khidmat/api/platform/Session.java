package org.khidmat.api.platform;

import java.time.Instant;

/**
 * A logged-in staff member.
 *
 * @param id the session id, kept in an HttpOnly cookie only
 * @param account the account as it was at login
 * @param csrf the token every state-changing request of this session must carry
 * @param created when the login happened
 * @param lastSeen the last request
 */
public record Session(String id, Account account, String csrf, Instant created, Instant lastSeen) {
}
