package org.khidmat.web.internal;

import java.util.List;
import org.khidmat.api.platform.Notification;
import org.khidmat.api.platform.Notifications;

/**
 * {@code /admin/messages}: the newest messages to citizens in the outbox, with their state, attempts and the last
 * error, so that an admin sees at once when an SMS gateway is down. Recipients are masked.
 */
final class OutboxPage {
    static final int LIMIT = 300;
    private final Notifications notifications;
    private final ConsoleLayout layout;

    OutboxPage(Notifications notifications, ConsoleLayout layout) {
        this.notifications = notifications;
        this.layout = layout;
    }

    String render(Gate.Caller caller) {
        List<Notification> recent = notifications.recent(LIMIT);
        long waiting = recent.stream().filter(n -> Notification.QUEUED.equals(n.state())).count();
        long failed = recent.stream().filter(n -> Notification.FAILED.equals(n.state())).count();
        StringBuilder b = new StringBuilder("<h1>Messages to citizens</h1><p id=\"outbox-summary\">")
                .append(recent.size()).append(" newest messages: ").append(waiting).append(" waiting to be sent, ")
                .append(failed).append(" given up.</p>");
        b.append("<table id=\"outbox\"><caption>Newest first</caption><thead><tr><th scope=\"col\">#</th>")
                .append("<th scope=\"col\">Queued</th><th scope=\"col\">Application</th><th scope=\"col\">Event</th>")
                .append("<th scope=\"col\">Channel</th><th scope=\"col\">To</th><th scope=\"col\">State</th>")
                .append("<th scope=\"col\">Attempts</th><th scope=\"col\">Provider</th><th scope=\"col\">Last error</th>")
                .append("</tr></thead><tbody>");
        for (Notification n : recent) {
            b.append("<tr><th scope=\"row\">").append(n.id()).append("</th><td>").append(BundleForms.WHEN.format(n.createdAt()))
                    .append("</td><td>").append(Http.escape(n.reference())).append("</td><td>").append(Http.escape(n.event()))
                    .append("</td><td>").append(Http.escape(n.channel())).append("</td><td dir=\"ltr\">")
                    .append(Http.escape(Recipients.mask(n.channel(), n.recipient()))).append("</td><td>").append(Http.escape(n.state()))
                    .append("</td><td>").append(n.attempts()).append("</td><td>").append(Http.escape(n.provider()))
                    .append("</td><td>").append(Http.escape(n.error())).append("</td></tr>");
        }
        return layout.page(caller, "Messages to citizens", b.append("</tbody></table>").toString());
    }
}
