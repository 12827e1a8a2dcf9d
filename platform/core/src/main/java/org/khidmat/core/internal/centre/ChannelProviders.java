package org.khidmat.core.internal.centre;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.khidmat.api.notify.NotificationProvider;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notification providers per channel, in rank order: highest service ranking first, then the lowest service id. */
final class ChannelProviders {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelProviders.class);
    private final Map<String, Map<Ranked, NotificationProvider>> providers = new ConcurrentHashMap<>();

    /** A provider's place in its channel. */
    record Ranked(int ranking, long serviceId, String id) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int r = Integer.compare(o.ranking, ranking);
            return r != 0 ? r : Long.compare(serviceId, o.serviceId);
        }
    }

    void add(NotificationProvider provider, Map<String, Object> properties) {
        Object channel = properties.get(NotificationProvider.CHANNEL);
        if (channel instanceof String c) {
            providers.computeIfAbsent(c, x -> new ConcurrentSkipListMap<>()).put(ranked(properties), provider);
        } else {
            LOG.warn("notifications: a provider without {} is ignored", NotificationProvider.CHANNEL);
        }
    }

    void remove(NotificationProvider provider, Map<String, Object> properties) {
        Object channel = properties.get(NotificationProvider.CHANNEL);
        if (channel instanceof String c && providers.containsKey(c)) {
            providers.get(c).remove(ranked(properties), provider);
        }
    }

    /** @return the highest-ranked provider of a channel with its place, if one is deployed */
    Optional<Map.Entry<Ranked, NotificationProvider>> first(String channel) {
        return providers.getOrDefault(channel, Map.of()).entrySet().stream().findFirst();
    }

    private static Ranked ranked(Map<String, Object> properties) {
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
        long id = properties.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
        Object name = properties.get(NotificationProvider.PROVIDER_ID);
        return new Ranked(ranking, id, name instanceof String s ? s : "provider-" + id);
    }
}
