package vn.dvc.hotline.media;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an event loop's {@link RtpPacer} keeps time: the measure of overload that admission uses to
 * refuse new calls before the calls already up start to suffer.
 *
 * <p>A loop counts as overloaded when at least {@value #LATE_TICKS_TO_TRIP} of its last
 * {@value #WINDOW_TICKS} ticks (one second) ran more than {@code hotline.rtp.overload-lag-limit} (10 ms)
 * after their deadline, and stays so for {@link #HOLD_NANOS} (2 s) after the last tick that still met that rule, so
 * that admission does not flap with every tick. A loop whose pacer has not ticked for
 * {@link #STALL_NANOS} (0.2 s, ten periods) while it has calls is overloaded too: a stalled loop reports
 * nothing. Late ticks here and there (a GC pause, a burst of call set-ups) do not trip it: measured with the load
 * bench, a rule of one late tick in ten at 5 ms refused a quarter of the calls of a 2,000-call ramp whose calls all
 * kept time (jitter p99 4.9 ms at the receiver). A loop that cannot finish its ticks in time is late on most of
 * them, so half the window still trips well before the pacer starts skipping frames (at 60 ms behind).
 *
 * <p>Thread model: {@link #onTick} runs on the loop's thread only (its pacer's); the verdict is read from
 * any thread (SIP threads, at each new INVITE) through two volatile fields. Times are
 * {@code System.nanoTime()} values passed in, so the rule is tested with a fake clock.
 */
public final class PacerLoad {

    /** Ticks in the window: one second of 20 ms ticks. */
    static final int WINDOW_TICKS = 50;
    /** Default of {@code hotline.rtp.overload-lag-limit}: a tick later than this counts as late. */
    static final long LAG_LIMIT_NANOS = 10_000_000L;
    /** Late ticks in the window that make the loop overloaded (half of them). */
    static final int LATE_TICKS_TO_TRIP = 25;
    /** How long the loop stays overloaded after the last tick that met the rule. */
    static final long HOLD_NANOS = 2_000_000_000L;
    /** No tick for this long, with calls on the loop: overloaded. */
    static final long STALL_NANOS = 200_000_000L;

    private static final long WINDOW_MASK = (1L << WINDOW_TICKS) - 1;
    private static final ConcurrentHashMap<Thread, PacerLoad> LOOPS = new ConcurrentHashMap<>();
    /** From {@code hotline.rtp.overload-lag-limit}; 0: overload admission off. */
    private static volatile long lagLimitNanos = LAG_LIMIT_NANOS;

    /** One bit per tick of the window, newest lowest: 1 for a late tick. Loop thread only. */
    private long lateTicks;
    private volatile long lastTickNanos;
    private volatile long overloadedUntilNanos;

    private final Thread loop;

    /** A loop's load, starting at {@code now} neither late nor stalled. */
    PacerLoad(Thread loop, long now) {
        this.loop = loop;
        this.lastTickNanos = now;
        this.overloadedUntilNanos = now;
    }

    /** Sets {@code hotline.rtp.overload-lag-limit}, at startup; zero turns overload admission off. */
    static void configure(Duration lagLimit) {
        lagLimitNanos = lagLimit.toNanos();
    }

    static PacerLoad register(Thread loop) {
        PacerLoad load = new PacerLoad(loop, System.nanoTime());
        LOOPS.put(loop, load);
        return load;
    }

    static void unregister(Thread loop, PacerLoad load) {
        LOOPS.remove(loop, load);
    }

    /**
     * A tick ran at {@code now}, {@code lagNanos} after its deadline (negative: early).
     */
    void onTick(long now, long lagNanos) {
        onTick(now, lagNanos, lagLimitNanos);
    }

    /** As {@link #onTick(long, long)}, with the limit given (tests). */
    void onTick(long now, long lagNanos, long limitNanos) {
        long window = ((lateTicks << 1) | (lagNanos > limitNanos ? 1 : 0)) & WINDOW_MASK;
        lateTicks = window;
        if (Long.bitCount(window) >= LATE_TICKS_TO_TRIP) {
            overloadedUntilNanos = now + HOLD_NANOS;
        }
        lastTickNanos = now;
    }

    /** Whether this loop is overloaded at {@code now}. */
    boolean overloaded(long now) {
        if (loop != null && !loop.isAlive()) {
            LOOPS.remove(loop, this); // its Vert.x was closed with calls still open
            return false;
        }
        return now - overloadedUntilNanos < 0 || now - lastTickNanos > STALL_NANOS;
    }

    /** Whether any event loop with calls is overloaded now: new calls should be refused. */
    public static boolean anyLoopOverloaded() {
        if (lagLimitNanos == 0) {
            return false;
        }
        long now = System.nanoTime();
        for (PacerLoad load : LOOPS.values()) {
            if (load.overloaded(now)) {
                return true;
            }
        }
        return false;
    }

    /** Event loops overloaded now, for the metrics. */
    public static int overloadedLoops() {
        long now = System.nanoTime();
        int count = 0;
        for (PacerLoad load : LOOPS.values()) {
            if (load.overloaded(now)) {
                count++;
            }
        }
        return count;
    }
}
