package org.khidmat.launcher.config;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Config Admin as far as the folder uses it: configurations by PID, and how often each was written. */
final class FakeAdmin {
    final Map<String, Dictionary<String, Object>> stored = new TreeMap<>();
    final Map<String, Integer> writes = new TreeMap<>();

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ConfigurationAdmin.class }, (p, m, args) -> switch (m.getName()) {
                    case "getConfiguration" -> configuration((String) args[0]);
                    case "listConfigurations" -> stored.keySet().stream()
                            .filter(pid -> ((String) args[0]).equals("(khidmat.config.source=*)")
                                    || ((String) args[0]).equals("(service.pid=" + pid + ")"))
                            .map(this::configuration).toArray(Configuration[]::new);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Configuration.class },
                (p, m, args) -> switch (m.getName()) {
                    case "getPid" -> pid;
                    case "getProperties" -> stored.get(pid);
                    case "updateIfDifferent" -> {
                        Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                        if (same(stored.get(pid), d)) {
                            yield false;
                        }
                        stored.put(pid, new Hashtable<>(Collections.list(d.keys()).stream()
                                .collect(java.util.stream.Collectors.toMap(k -> k, d::get))));
                        writes.merge(pid, 1, Integer::sum);
                        yield true;
                    }
                    case "delete" -> {
                        stored.remove(pid);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static boolean same(Dictionary<String, Object> a, Dictionary<String, Object> b) {
        if (a == null || a.size() != b.size()) {
            return false;
        }
        for (String k : Collections.list(b.keys())) {
            if (!java.util.Objects.deepEquals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }
}
