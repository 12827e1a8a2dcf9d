package org.khidmat.core.internal.config;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A DS component property type as SCR makes it: the given values, the annotation's defaults for the rest. */
public final class Configs {
    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            if (m.getName().equals("annotationType")) {
                return type;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }
}
