package vn.dvc.hotline.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAIN-SIP's stack logger over java.util.logging (which Quarkus routes to its log manager).
 *
 * <p>Named in {@code gov.nist.javax.sip.STACK_LOGGER}; without it the RI loads log4j 1.x, which is not
 * on the classpath. The stack logs per message at its INFO and DEBUG levels, so those map to FINE and
 * below; its ERROR (often a peer's malformed message) maps to WARNING but at most
 * {@value #WARNINGS_PER_MINUTE} a minute, so a peer cannot flood the log.
 *
 * <p>Called on any JAIN-SIP thread; thread-safe (the rate limit is two atomics).
 */
public final class JulStackLogger implements StackLogger {

    static final int WARNINGS_PER_MINUTE = 20;
    private static final Logger LOG = Logger.getLogger("vn.dvc.hotline.sip.stack");

    private final AtomicLong windowStart = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();
    private volatile boolean enabled = true;

    /** Required by the stack, which instantiates the logger reflectively. */
    public JulStackLogger() {
    }

    private static Level level(int traceLevel) {
        if (traceLevel <= TRACE_FATAL) {
            return Level.SEVERE;
        }
        if (traceLevel <= TRACE_ERROR) {
            return Level.WARNING;
        }
        if (traceLevel <= TRACE_WARN) {
            return Level.FINE;
        }
        if (traceLevel <= TRACE_INFO) {
            return Level.FINER;
        }
        return Level.FINEST;
    }

    private boolean allowWarning() {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start > 60_000_000_000L && windowStart.compareAndSet(start, now)) {
            long suppressed = inWindow.getAndSet(0) - WARNINGS_PER_MINUTE;
            if (suppressed > 0) {
                LOG.warning("JAIN-SIP: " + suppressed + " further warnings suppressed in the last minute");
            }
        }
        return inWindow.incrementAndGet() <= WARNINGS_PER_MINUTE;
    }

    private void log(Level level, String message, Throwable t) {
        if (!enabled || !LOG.isLoggable(level)) {
            return;
        }
        if (level.intValue() >= Level.WARNING.intValue() && level != Level.SEVERE && !allowWarning()) {
            return;
        }
        LOG.log(level, message, t);
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        Level level = level(traceLevel);
        if (enabled && LOG.isLoggable(level)) {
            LOG.log(level, "stack trace", new Throwable("stack trace requested by JAIN-SIP"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log(Level.WARNING, "JAIN-SIP: " + ex, ex);
    }

    @Override
    public void logDebug(String message) {
        log(Level.FINEST, message, null);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log(Level.FINEST, message, ex);
    }

    @Override
    public void logTrace(String message) {
        log(Level.FINEST, message, null);
    }

    @Override
    public void logFatalError(String message) {
        log(Level.SEVERE, message, null);
    }

    @Override
    public void logError(String message) {
        log(Level.WARNING, message, null);
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled && LOG.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return enabled && LOG.isLoggable(level(logLevel));
    }

    @Override
    public void logError(String message, Exception ex) {
        log(Level.WARNING, message, ex);
    }

    @Override
    public void logWarning(String message) {
        log(Level.FINE, message, null);
    }

    @Override
    public void logInfo(String message) {
        log(Level.FINER, message, null);
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // the stack's build stamp is not worth a line
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // configuration comes from the JUL / Quarkus log categories, not from stack properties
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
