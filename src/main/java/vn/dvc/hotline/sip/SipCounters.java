package vn.dvc.hotline.sip;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Counters of the SIP layer, for metrics: active calls and calls refused, by status code.
 *
 * <p>Updated from JAIN-SIP threads (the admission valve) and from event loops; read from anywhere.
 * Lock-free: an atomic for the active count (admission compares against it) and LongAdders per status.
 */
public final class SipCounters {

    private final AtomicInteger activeCalls = new AtomicInteger();
    private final LongAdder callsAdmitted = new LongAdder();
    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
    /** Told once of each status the first time a request is refused with it (the metrics export it then). */
    private volatile IntConsumer firstRefusalListener = status -> { };

    /** Calls admitted and not yet ended. */
    public int activeCalls() {
        return activeCalls.get();
    }

    /** Calls admitted since start. */
    public long callsAdmitted() {
        return callsAdmitted.sum();
    }

    /** INVITEs refused, by final status (403, 488, 503 …), since start; a snapshot. */
    public Map<Integer, Long> rejectedByStatus() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        rejected.forEach((status, n) -> snapshot.put(status, n.sum()));
        return snapshot;
    }

    /** Refusals with one status since start. */
    public long rejected(int status) {
        LongAdder n = rejected.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Takes a call slot if fewer than {@code max} are active; false if full. */
    boolean tryAdmit(int max) {
        int n;
        do {
            n = activeCalls.get();
            if (n >= max) {
                return false;
            }
        } while (!activeCalls.compareAndSet(n, n + 1));
        callsAdmitted.increment();
        return true;
    }

    void callEnded() {
        activeCalls.decrementAndGet();
    }

    void countRejected(int status) {
        LongAdder n = rejected.get(status);
        if (n == null) {
            n = rejected.computeIfAbsent(status, first -> {
                firstRefusalListener.accept(first);
                return new LongAdder();
            });
        }
        n.increment();
    }

    /**
     * {@code listener} hears of each status the first time a request is refused with it, on the thread that
     * refuses (an event loop or a SIP thread): it must not block.
     */
    void onFirstRefusal(IntConsumer listener) {
        firstRefusalListener = listener;
    }
}
