package vn.dvc.hotline.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * JAIN-SIP's message logger over java.util.logging, category {@code vn.dvc.hotline.sip.messages}.
 *
 * <p>Named in {@code gov.nist.javax.sip.SERVER_LOGGER} so that the RI does not write its own log files.
 * Every SIP message is logged at FINEST only (never per message at INFO); enable that category to
 * trace signalling. Called on any JAIN-SIP thread; stateless apart from the JUL logger.
 */
public final class JulServerLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("vn.dvc.hotline.sip.messages");

    /** Required by the stack, which instantiates the logger reflectively. */
    public JulServerLogger() {
    }

    @Override
    public void closeLogFile() {
        // nothing to close: JUL owns the output
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest((sender ? "sent " : "received ") + from + " -> " + to + "\n" + message);
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender,
            long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0L);
    }

    @Override
    public void logException(Exception ex) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "JAIN-SIP message exception", ex);
        }
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to read: levels come from the log configuration
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
