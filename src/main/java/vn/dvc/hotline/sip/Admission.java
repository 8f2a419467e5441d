package vn.dvc.hotline.sip;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import vn.dvc.hotline.media.PacerLoad;

/**
 * The admission policy of one endpoint, consulted by {@link AdmissionValve} for every incoming
 * request before the stack allocates a transaction.
 *
 * <p>A new INVITE is refused with 503 and Retry-After beyond {@code hotline.calls.max-concurrent}, and
 * also while the media engine is overloaded (an event loop's pacer falls behind its deadlines, see
 * {@link PacerLoad}): capacity is what the machine keeps up with, not a fixed count.
 *
 * <p>Thread model: read on JAIN-SIP threads, concurrently; immutable apart from the volatile drain
 * flag and the lock-free counters, so no locks.
 */
final class Admission {

    /** Outcome for one request; {@code status == 0} means pass it to the stack. */
    record Verdict(int status, boolean retryAfter) {
        static final Verdict PASS = new Verdict(0, false);
        static final Verdict DROP = new Verdict(-1, false);
        static final Verdict FORBIDDEN = new Verdict(403, false);
        static final Verdict UNAVAILABLE = new Verdict(503, true);
    }

    private final List<Cidr> allow;
    private final int maxConcurrent;
    private final int retryAfterSeconds;
    private final SipCounters counters;
    private final Map<String, ?> activeCallIds;
    private final BooleanSupplier overloaded;
    private volatile boolean draining;

    /** Refuses new calls also while an event loop's RTP pacer falls behind ({@link PacerLoad}). */
    Admission(EndpointSettings settings, SipCounters counters, Map<String, ?> activeCallIds) {
        this(settings, counters, activeCallIds, PacerLoad::anyLoopOverloaded);
    }

    /**
     * @param overloaded whether the media engine is overloaded now; read at each new INVITE, on SIP threads
     */
    Admission(EndpointSettings settings, SipCounters counters, Map<String, ?> activeCallIds,
            BooleanSupplier overloaded) {
        this.overloaded = overloaded;
        this.allow = settings.allow();
        this.maxConcurrent = settings.maxConcurrent();
        this.retryAfterSeconds = settings.retryAfterSeconds();
        this.counters = counters;
        this.activeCallIds = activeCallIds;
    }

    void countRejected(int status) {
        counters.countRejected(status);
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    void drain(boolean on) {
        draining = on;
    }

    boolean isDraining() {
        return draining;
    }

    boolean isAllowed(InetAddress source) {
        if (source == null) {
            return false;
        }
        for (int i = 0, n = allow.size(); i < n; i++) {
            if (allow.get(i).contains(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides on a request.
     *
     * @param method the request method
     * @param source where it came from
     * @param inDialog whether it carries a To tag (belongs to a call already admitted)
     * @param callId its Call-ID
     * @param knownTransaction whether the stack already has a server transaction for it (a
     *     retransmission: the stack must absorb it, so it must pass)
     */
    Verdict decide(String method, InetAddress source, boolean inDialog, String callId,
            Predicate<Void> knownTransaction) {
        if (!isAllowed(source)) {
            return "ACK".equals(method) ? Verdict.DROP : Verdict.FORBIDDEN;
        }
        if (inDialog) {
            return Verdict.PASS;
        }
        boolean invite = "INVITE".equals(method);
        if (draining && (invite || "OPTIONS".equals(method))) {
            return Verdict.UNAVAILABLE;
        }
        if (invite && (counters.activeCalls() >= maxConcurrent || overloaded.getAsBoolean())
                && !activeCallIds.containsKey(callId) && !knownTransaction.test(null)) {
            // beyond capacity, or the loops no longer keep RTP time: the calls up must not suffer
            return Verdict.UNAVAILABLE;
        }
        return Verdict.PASS;
    }
}
