package org.khidmat.api.platform;

/** What a staff account may do. */
public enum Role {
    /** Centre admin: every bundle, service, account and the audit log. */
    ADMIN,
    /** Counter operator: the queue and walk-in applications. */
    OPERATOR,
    /** Agency staff: their own agency's bundles and applications only. */
    AGENCY
}
