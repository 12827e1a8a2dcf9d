package org.khidmat.launcher;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The centre's SLF4J backend, in place of slf4j-jdk14: {@link JulLogger}s over java.util.logging, which
 * {@link Logs} sets up, and the basic MDC that carries the request id to {@link LogLine} and {@link LogJson}. SLF4J
 * finds it on the launcher's class path (META-INF/services); the bundles import {@code org.slf4j} from the system
 * bundle, so every log line of the centre comes here.
 */
public final class JulLogging implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = new Loggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** One logger a name, kept. */
    private static final class Loggers implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            String key = name == null || name.equals(Logger.ROOT_LOGGER_NAME) ? "" : name;
            return byName.computeIfAbsent(key, JulLogger::new);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to prepare: loggers are made when asked for
    }
}
