package org.khidmat.api.platform;

/**
 * The outcome of a login.
 *
 * @param session the new session, or {@code null} when the login failed
 * @param message for the person at the keyboard; the same for a wrong name and a wrong password
 * @param retryAfterSeconds how long to wait before the next try is even checked; 0 when none
 */
public record LoginResult(Session session, String message, long retryAfterSeconds) {

    /** @return whether the login succeeded */
    public boolean ok() {
        return session != null;
    }
}
