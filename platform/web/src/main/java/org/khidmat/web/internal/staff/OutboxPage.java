package org.khidmat.web.internal.staff;

import org.khidmat.web.internal.http.Gate;

import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;

/**
 * {@code /admin/messages} ({@code outbox.jte}): the newest messages to citizens in the outbox, with their state,
 * attempts and the last error, so that an admin sees at once when an SMS gateway is down. Recipients are masked.
 */
public final class OutboxPage {
    static final int LIMIT = 300;

    /** The newest messages, how many wait to be sent and how many were given up. */
    record View(List<Notification> recent, long waiting, long failed) {
    }

    private final Notifications notifications;
    private final ConsoleLayout layout;

    public OutboxPage(Notifications notifications, ConsoleLayout layout) {
        this.notifications = notifications;
        this.layout = layout;
    }

    void send(Request request, Response response, Callback callback, Gate.Caller caller) {
        List<Notification> recent = notifications.recent(LIMIT);
        long waiting = recent.stream().filter(n -> Notification.QUEUED.equals(n.state())).count();
        long failed = recent.stream().filter(n -> Notification.FAILED.equals(n.state())).count();
        ConsoleLayout.send(response, callback, 200, "outbox.jte", layout.frame(request, caller, "outbox.title"),
                new View(recent, waiting, failed));
    }
}
