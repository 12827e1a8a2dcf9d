/**
 * The notification SPI: a way to reach citizens (an SMS gateway, an e-mail server) is a bundle that registers a
 * {@link org.khidmat.api.notify.NotificationProvider}. The centre decides what to say and when, keeps every message
 * in its outbox, and retries; the provider only delivers.
 */
@Export
@Version("1.0.0")
package org.khidmat.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
