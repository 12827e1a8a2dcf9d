package org.khidmat.plugins.simnotify.internal;

import java.nio.file.Path;
import java.time.Clock;
import org.khidmat.api.notify.Message;
import org.khidmat.api.notify.NotificationProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** A simulated SMS gateway: records the message instead of sending it. */
@Component(property = {NotificationProvider.CHANNEL + "=" + NotificationProvider.SMS,
    NotificationProvider.PROVIDER_ID + "=" + SimulatedSms.ID})
public final class SimulatedSms implements NotificationProvider {
    static final String ID = "simnotify.sms";
    private final Outbox outbox;

    @Activate
    public SimulatedSms(BundleContext context) {
        this(new Outbox(file(context), Clock.systemUTC()));
    }

    SimulatedSms(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return {@code data/simnotify/sent.jsonl} under the centre's home */
    static Path file(BundleContext context) {
        String home = context.getProperty("khidmat.home");
        return Path.of(home == null || home.isBlank() ? "." : home, "data", "simnotify", "sent.jsonl");
    }

    /** Closes the file of what was sent. */
    @Deactivate
    void deactivate() {
        outbox.close();
    }

    @Override
    public String send(Message message) {
        return outbox.record(ID, message);
    }
}
