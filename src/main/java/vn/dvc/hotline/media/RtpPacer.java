package vn.dvc.hotline.media;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the due frames of every {@link RtpSession} of one Vert.x event loop, on absolute 20 ms deadlines.
 *
 * <p>One pacer exists per event loop that has sessions, found by the loop's thread (each event loop is one
 * thread): the first session of a loop creates it and its Vert.x periodic timer, the last one to leave
 * cancels the timer and removes it, so an idle loop does no work. The timer is set on the context of the
 * session that created the pacer.
 *
 * <p>Deadlines are absolute ({@code next += 20 ms}), never "20 ms after the last tick", so timer jitter does
 * not accumulate into drift. A tick sends, for every session, one frame per deadline that has passed (a
 * deadline up to {@link #EARLY_NANOS} ahead counts as passed). When the loop was stalled (GC pause, an
 * overloaded loop), the pacer catches up by sending up to {@link #MAX_BURST} frames in one tick, which a
 * receiver's jitter buffer absorbs; further behind, it does not burst but skips the older deadlines: each
 * session advances its RTP timestamp over them ({@link RtpSendState#framesSkipped}, which also sets the
 * marker) and its prompt resumes where it was, so the caller hears a gap rather than losing words.
 *
 * <p>Sessions only queue their packets; the pacer flushes each socket written to once, after the whole tick,
 * so a shared socket sends the tick's packets in {@code sendmmsg} batches. The lag of one tick per frame (the
 * first half's) is reported to the loop's {@link PacerLoad}, which admission consults.
 *
 * <p>The timer fires every 10 ms, twice a frame. The loop's sessions are split in two halves, kept even as
 * calls come: half 0 has its deadlines on the frame's start, half 1 10 ms later, so each firing sends one
 * half's frames, then asks the shared sockets to read what the callers sent ({@link RtpSocket#readArrivals},
 * {@link RtpConfig#readMode()}). A burst of sends is half as long as when the whole loop sent at once, and a
 * call's packet leaves that much less behind its deadline, whatever delays the burst (a core shared with other
 * work stretches it). The batches of {@code sendmmsg} stay large, and the loop wakes no more often than
 * it did for reading alone.
 *
 * <p>Pacers keep their loops apart in time: each takes a phase slot, and its timer fires at that slot's offset
 * within the timer's 10 ms period (loops 1 and 2 at 0 and 5 ms, 4 loops 2.5 ms apart, ...). Bursts of two
 * loops at the same moment would compete for the cores and the kernel's transmit path while the rest of the
 * period stayed idle; where they fell depended on when each loop got its first call.
 *
 * <p>Thread model: confined to its event-loop thread, no locks. Only the registry of pacers is a concurrent
 * map, touched when a loop gets its first session or loses its last. A tick allocates nothing itself and
 * runs no callback of the call orchestration: sessions defer those to their context, so the session array
 * cannot change under the loop.
 */
final class RtpPacer {

    /** One frame: 160 samples at 8 kHz. */
    static final long PERIOD_NANOS = 20_000_000L;
    /** A deadline this close ahead is due now: the timer fires a little after its own start, not ours. */
    static final long EARLY_NANOS = 1_000_000L;
    /** A tick this far behind its first deadline counts as late (half a frame). */
    static final long LATE_NANOS = 10_000_000L;
    /** Most frames a session sends in one tick when catching up; further behind, the rest are skipped. */
    static final int MAX_BURST = 3;

    /** The timer's period: half a frame; each firing sends one half's frames and reads arrivals. */
    static final long TIMER_NANOS = PERIOD_NANOS / 2;
    /** The loop's calls are split in two halves whose deadlines are half a frame apart. */
    static final int HALVES = 2;
    private static final long TIMER_MILLIS = TIMER_NANOS / 1_000_000L;
    private static final ConcurrentHashMap<Thread, RtpPacer> PACERS = new ConcurrentHashMap<>();
    /** Phase slots, a bit each; more pacers than slots share the last phases. */
    static final int PHASE_SLOTS = 32;
    /** The bits of the slots held by live pacers. */
    private static final AtomicInteger PHASES_TAKEN = new AtomicInteger();
    /** Origin of every pacer's phase, so that their offsets are relative to one clock. */
    private static final long PHASE_ORIGIN = System.nanoTime();

    private final Vertx vertx;
    private final Thread thread;
    /** The loop's periodic timer (package-private so that the JMH pacer benchmark can stop it). */
    final long timerId;
    /** The sessions of each half of the frame ({@link #HALVES}); a session stays in the half it joined. */
    private final RtpSession[][] sessions = {new RtpSession[16], new RtpSession[16]};
    private final int[] sizes = new int[HALVES];
    private RtpSocket[] toFlush = new RtpSocket[4];
    private int toFlushCount;
    /** Shared sockets of the sessions, read on every timer firing; kept until the pacer ends. */
    private RtpSocket[] toRead = new RtpSocket[2];
    private int toReadCount;
    private final PacerLoad load;
    /** This pacer's phase slot, or -1 when it shares a phase because all slots were taken. */
    private final int phaseSlot;
    /** Next deadline of each half: half 1's fall 10 ms after half 0's. */
    private final long[] next = new long[HALVES];
    private long lateTicks;
    private long skippedFrames;

    private RtpPacer(Vertx vertx, Thread thread) {
        this.vertx = vertx;
        this.thread = thread;
        this.load = PacerLoad.register(thread);
        this.phaseSlot = takePhaseSlot();
        long now = System.nanoTime();
        next[0] = firstDeadline(now, phaseOffset(Math.max(phaseSlot, 0)));
        next[1] = next[0] + TIMER_NANOS;
        // The timer fires on the deadlines (rounded up to its millisecond) and keeps that phase: Vert.x periodic
        // timers run at a fixed rate.
        long delayMillis = Math.max(1, (next[0] - now + 999_999) / 1_000_000);
        this.timerId = vertx.setPeriodic(delayMillis, TIMER_MILLIS, id -> tick());
    }

    /** Claims the lowest free phase slot without locking; -1 if all are taken. */
    private static int takePhaseSlot() {
        while (true) {
            int taken = PHASES_TAKEN.get();
            int slot = Integer.numberOfTrailingZeros(~taken);
            if (slot >= PHASE_SLOTS) {
                return -1;
            }
            if (PHASES_TAKEN.compareAndSet(taken, taken | (1 << slot))) {
                return slot;
            }
        }
    }

    private static void releasePhaseSlot(int slot) {
        if (slot >= 0) {
            PHASES_TAKEN.getAndUpdate(taken -> taken & ~(1 << slot));
        }
    }

    /**
     * Offset of a phase slot within the timer's period: the slot number's bits reversed as a fraction of that
     * period (0, 1/2, 1/4, 3/4, 1/8, ...), so that however many loops there are, their firings stay evenly spread.
     */
    static long phaseOffset(int slot) {
        int bits = Integer.numberOfTrailingZeros(PHASE_SLOTS);
        long fraction = Integer.reverse(slot) >>> (Integer.SIZE - bits);
        return TIMER_NANOS * fraction / PHASE_SLOTS;
    }

    /** The first deadline at least a millisecond after {@code now} that falls on {@code offset} within the frame. */
    static long firstDeadline(long now, long offset) {
        long start = now + 1_000_000L;
        long intoFrame = Math.floorMod(start - PHASE_ORIGIN - offset, PERIOD_NANOS);
        return intoFrame == 0 ? start : start + PERIOD_NANOS - intoFrame;
    }

    /**
     * Adds a session to the pacer of the current event loop, creating it if needed. Its first frame goes
     * out at the loop's next deadline, at most 21 ms away.
     *
     * @throws IllegalStateException if not called on an event-loop context: the timer must be set on the
     *     context of this loop, which {@code setPeriodic} takes from the current one
     */
    static RtpPacer join(Vertx vertx, RtpSession session) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext()) {
            throw new IllegalStateException("RTP sessions are paced on event-loop contexts only");
        }
        Thread thread = Thread.currentThread();
        RtpPacer pacer = PACERS.get(thread);
        if (pacer == null) {
            pacer = new RtpPacer(vertx, thread);
            PACERS.put(thread, pacer);
        }
        pacer.add(session);
        return pacer;
    }

    /** Number of pacers alive (event loops with sessions), for tests and metrics. */
    static int count() {
        return PACERS.size();
    }

    /** Removes a session; the last one out stops the timer. Must run on this pacer's loop. */
    void leave(RtpSession session) {
        int half = session.pacerHalf;
        int index = session.pacerIndex;
        if (index < 0 || half < 0 || index >= sizes[half] || sessions[half][index] != session) {
            return;
        }
        RtpSession[] group = sessions[half];
        int last = --sizes[half];
        group[index] = group[last];
        group[index].pacerIndex = index;
        group[last] = null;
        session.pacerIndex = -1;
        session.pacerHalf = -1;
        if (size() == 0) {
            vertx.cancelTimer(timerId);
            PACERS.remove(thread, this);
            releasePhaseSlot(phaseSlot);
            PacerLoad.unregister(thread, load);
        }
    }

    /** Adds a session to the half with fewer sessions: the loop's sends stay split evenly between them. */
    private void add(RtpSession session) {
        int half = sizes[1] < sizes[0] ? 1 : 0;
        if (sizes[half] == sessions[half].length) {
            sessions[half] = Arrays.copyOf(sessions[half], sizes[half] * 2);
        }
        session.pacerHalf = half;
        session.pacerIndex = sizes[half];
        sessions[half][sizes[half]++] = session;
        RtpSocket socket = session.socket();
        if (socket.isShared()) {
            for (int i = 0; i < toReadCount; i++) {
                if (toRead[i] == socket) {
                    return;
                }
            }
            if (toReadCount == toRead.length) {
                toRead = Arrays.copyOf(toRead, toReadCount * 2);
            }
            toRead[toReadCount++] = socket;
        }
    }

    private void tick() {
        tickAt(System.nanoTime());
        for (int i = 0; i < toReadCount; i++) {
            toRead[i].readArrivals();
        }
    }

    /** One tick at {@code now}: the timer's work, callable directly by benchmarks with the timer stopped. */
    void tickAt(long now) {
        for (int half = 0; half < HALVES; half++) {
            paceHalf(half, now);
        }
        for (int i = 0; i < toFlushCount; i++) {
            toFlush[i].flush();
            toFlush[i] = null;
        }
        toFlushCount = 0;
    }

    /** Queues the due frames of one half's sessions, if a deadline of that half has passed. */
    private void paceHalf(int half, long now) {
        long behind = now - next[half];
        long passed = deadlinesPassed(behind);
        if (passed == 0) {
            return;
        }
        int count = sizes[half];
        if (count == 0) {
            // No calls in this half (or the pacer was cancelled after the timer fired): its deadlines still
            // advance, so that a call joining it later starts on time instead of "catching up" on old frames.
            next[half] += passed * PERIOD_NANOS;
            return;
        }
        if (half == 0 || sizes[0] == 0) {
            // Admission's window counts one tick per frame (PacerLoad): the first half's, or the second's alone.
            load.onTick(now, behind);
        }
        int skip = framesToSkip(passed);
        int due = (int) (passed - skip);
        boolean late = behind > LATE_NANOS;
        if (late) {
            lateTicks++;
        }
        skippedFrames += skip;
        next[half] += passed * PERIOD_NANOS;
        RtpSession[] group = sessions[half];
        for (int i = 0; i < count; i++) {
            group[i].pace(now, due, skip, late);
        }
    }

    /** Flushes {@code socket} once this tick's frames are all queued. Called by sessions during a tick. */
    void flushAfterTick(RtpSocket socket) {
        if (toFlushCount == toFlush.length) {
            toFlush = Arrays.copyOf(toFlush, toFlushCount * 2);
        }
        toFlush[toFlushCount++] = socket;
    }

    /**
     * Deadlines passed when the clock is {@code behind} nanoseconds past the next one (negative: before
     * it): 0 if it is more than {@link #EARLY_NANOS} away, else one plus a deadline per whole period.
     */
    static long deadlinesPassed(long behind) {
        if (behind < -EARLY_NANOS) {
            return 0;
        }
        return behind <= 0 ? 1 : behind / PERIOD_NANOS + 1;
    }

    /** Of {@code passed} deadlines, those skipped rather than sent: all but the last beyond a burst. */
    static int framesToSkip(long passed) {
        return passed > MAX_BURST ? (int) Math.min(passed - 1, Integer.MAX_VALUE) : 0;
    }

    /** Ticks more than {@link #LATE_NANOS} behind their deadline. */
    long lateTicks() {
        return lateTicks;
    }

    /** Deadlines skipped rather than caught up. */
    long skippedFrames() {
        return skippedFrames;
    }

    /** The next deadline of the first half (tests that drive the pacer by hand). */
    long nextDeadline() {
        return next[0];
    }

    /** The loop's load, as admission sees it (tests). */
    PacerLoad load() {
        return load;
    }

    /** This pacer's phase slot, -1 if it shares one. */
    int phaseSlot() {
        return phaseSlot;
    }

    /** Where this pacer's deadlines (of its first half) fall within the frame, from the common origin of all pacers. */
    long phase() {
        return Math.floorMod(next[0] - PHASE_ORIGIN, PERIOD_NANOS);
    }

    /** Sessions paced by this pacer. */
    int size() {
        return sizes[0] + sizes[1];
    }

    /** Sessions in one half of the frame. */
    int size(int half) {
        return sizes[half];
    }
}
