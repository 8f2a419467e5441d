package vn.dvc.hotline.media;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The even ports of {@code hotline.rtp.port-min..port-max}, handed out one per call
 * ({@code socket-layout=per-call}) or one per event loop ({@code per-event-loop}).
 *
 * <p>Free ports wait in a FIFO queue, so a released port goes to the back and is reused as late as
 * possible: stray packets still addressed to an ended call then do not reach the next call on the same
 * port. A port that fails to bind (another process holds it) is released by {@link RtpSession#open} and
 * so also goes to the back while the next one is tried.
 *
 * <p>Thread model: thread-safe and lock-free (calls are opened on every event loop at once); acquire and
 * release cost one queue operation and one compare-and-set. Created at startup, which also checks
 * {@link RtpConfig}.
 */
@Startup
@ApplicationScoped
public class RtpPortPool {

    private final int portMin;
    private final int portMax;
    private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();
    /** 1 where the port at (port - portMin) / 2 is handed out: makes a second release harmless. */
    private final AtomicIntegerArray inUse;
    private final AtomicInteger available = new AtomicInteger();

    /** The pool of the configured range, checked at startup. */
    @Inject
    public RtpPortPool(RtpConfig config) {
        this(checked(config).portMin(), config.portMax());
    }

    /**
     * A pool over the even ports of {@code portMin..portMax}.
     *
     * @throws IllegalArgumentException if {@code portMin} is odd or not below {@code portMax}, or the range
     *     leaves 1..65535
     */
    public RtpPortPool(int portMin, int portMax) {
        if (portMin < 1 || portMax > 65535 || portMin >= portMax) {
            throw new IllegalArgumentException("port range must satisfy 1 <= min < max <= 65535, was " + portMin
                    + ".." + portMax);
        }
        if ((portMin & 1) != 0) {
            throw new IllegalArgumentException("the lowest RTP port must be even, was " + portMin);
        }
        this.portMin = portMin;
        this.portMax = portMax;
        int slots = (portMax - portMin) / 2 + 1;
        this.inUse = new AtomicIntegerArray(slots);
        for (int port = portMin; port <= portMax; port += 2) {
            free.add(port);
        }
        available.set(slots);
    }

    private static RtpConfig checked(RtpConfig config) {
        RtpConfigCheck.validate(config);
        PacerLoad.configure(config.overloadLagLimit());
        return config;
    }

    /** A free even port, now taken; empty when every port is in use. */
    public OptionalInt acquire() {
        Integer port = free.poll();
        if (port == null) {
            return OptionalInt.empty();
        }
        inUse.set(slot(port), 1);
        available.decrementAndGet();
        return OptionalInt.of(port);
    }

    /**
     * Gives a port back. Releasing a port that is not taken does nothing, so that a cleanup path that runs
     * twice cannot hand one port to two calls.
     *
     * @throws IllegalArgumentException if {@code port} is not an even port of the range
     */
    public void release(int port) {
        if (port < portMin || port > portMax || ((port - portMin) & 1) != 0) {
            throw new IllegalArgumentException("port " + port + " is not an even port of " + portMin + ".."
                    + portMax);
        }
        if (inUse.compareAndSet(slot(port), 1, 0)) {
            available.incrementAndGet();
            free.add(port);
        }
    }

    /** Ports free now (a snapshot, exact when no acquire or release is under way). */
    public int available() {
        return available.get();
    }

    /** Number of even ports in the range: the most calls this pool serves at once. */
    public int capacity() {
        return inUse.length();
    }

    /** Lowest port of the range. */
    public int portMin() {
        return portMin;
    }

    /** Highest port of the range. */
    public int portMax() {
        return portMax;
    }

    private int slot(int port) {
        return (port - portMin) >> 1;
    }
}
