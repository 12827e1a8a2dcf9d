package org.khidmat.web.internal.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A stand-in for one platform service the pages use, which comes and goes (its reference in {@link org.khidmat.web.internal.WebServer} is
 * dynamic and greedy): while the service is there the stand-in calls it; while it is away each call throws
 * {@link ServiceAway}, so only the pages that call it answer 503 ({@link Failures}). The pages keep their plain types
 * and never see the service change under them.
 */
public final class Standby {
    /** What a page that needs an away service says, in English and in Urdu. */
    public record Away(String en, String ur) {
    }

    private static final String AGAIN_EN = " Please try again in a few minutes.";
    private static final String AGAIN_UR = " چند منٹ بعد دوبارہ کوشش کریں۔";

    private Standby() {
    }

    /**
     * @param type the service's interface
     * @param current the service now, {@code null} while it is away
     * @param en what is not available, as a sentence ("Appointments are not available at the moment.")
     * @param ur the same sentence in Urdu
     * @return the stand-in
     */
    public static <T> T of(Class<T> type, Supplier<? extends T> current, String en, String ur) {
        Away away = new Away(en + AGAIN_EN, ur + AGAIN_UR);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Calls(type, current, away)));
    }

    private record Calls(Class<?> type, Supplier<?> current, Away away) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "standby " + type.getSimpleName();
                };
            }
            Object target = current.get();
            if (target == null) {
                throw new ServiceAway(away);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
