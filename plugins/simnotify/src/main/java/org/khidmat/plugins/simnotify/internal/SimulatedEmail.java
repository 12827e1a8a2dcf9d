package org.khidmat.plugins.simnotify.internal;

import java.time.Clock;
import org.khidmat.api.notify.Message;
import org.khidmat.api.notify.NotificationProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** A simulated e-mail server: records the message instead of sending it. */
@Component(property = {NotificationProvider.CHANNEL + "=" + NotificationProvider.EMAIL,
    NotificationProvider.PROVIDER_ID + "=" + SimulatedEmail.ID})
public final class SimulatedEmail implements NotificationProvider {
    static final String ID = "simnotify.email";
    private final Outbox outbox;

    @Activate
    public SimulatedEmail(BundleContext context) {
        this(new Outbox(SimulatedSms.file(context), Clock.systemUTC()));
    }

    SimulatedEmail(Outbox outbox) {
        this.outbox = outbox;
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
