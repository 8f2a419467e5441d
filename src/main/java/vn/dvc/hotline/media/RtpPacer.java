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
 * session that created the pacer; every session on the loop shares one deadline.
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
 * so a shared socket sends the tick's packets in {@code sendmmsg} batches. Every tick's lag is reported to
 * the loop's {@link PacerLoad}, which admission consults.
 *
 * <p>The timer fires every 10 ms, twice a frame: each time the pacer asks the shared sockets of its sessions
 * to read what their callers sent ({@link RtpSocket#readArrivals}, {@link RtpConfig#readMode()}), and on
 * every other firing a deadline is due and frames go out. A key press read at the half-frame changes the
 * prompt of the frame 10 ms later.
 *
 * <p>Pacers keep their loops apart in time: each takes a phase slot, and its timer fires at that slot's offset
 * within the timer's 10 ms period (loops 1 and 2 at 0 and 5 ms, 4 loops 2.5 ms apart, ...). Each loop works
 * twice per frame, sending at its deadline and reading half a frame later; two loops 5 ms apart do those four
 * bursts in turn. Bursts at the same moment would compete for the cores and the kernel's transmit path while
 * the rest of the frame stayed idle; where they fell depended on when each loop got its first call.
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

    /** The timer's period: half a frame, so that arrivals are read twice per frame. */
    static final long TIMER_NANOS = PERIOD_NANOS / 2;
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
    private RtpSession[] sessions = new RtpSession[16];
    private int size;
    private RtpSocket[] toFlush = new RtpSocket[4];
    private int toFlushCount;
    /** Shared sockets of the sessions, read on every timer firing; kept until the pacer ends. */
    private RtpSocket[] toRead = new RtpSocket[2];
    private int toReadCount;
    private final PacerLoad load;
    /** This pacer's phase slot, or -1 when it shares a phase because all slots were taken. */
    private final int phaseSlot;
    private long next;
    private long ticks;
    private long lateTicks;
    private long skippedFrames;

    private RtpPacer(Vertx vertx, Thread thread) {
        this.vertx = vertx;
        this.thread = thread;
        this.load = PacerLoad.register(thread);
        this.phaseSlot = takePhaseSlot();
        long now = System.nanoTime();
        this.next = firstDeadline(now, phaseOffset(Math.max(phaseSlot, 0)));
        // The timer fires on the deadlines (rounded up to its millisecond) and keeps that phase: Vert.x periodic
        // timers run at a fixed rate.
        long delayMillis = Math.max(1, (next - now + 999_999) / 1_000_000);
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
     * Offset of a phase slot within the frame: the slot number's bits reversed as a fraction of the timer's
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
        int index = session.pacerIndex;
        if (index < 0 || index >= size || sessions[index] != session) {
            return;
        }
        size--;
        sessions[index] = sessions[size];
        sessions[index].pacerIndex = index;
        sessions[size] = null;
        session.pacerIndex = -1;
        if (size == 0) {
            vertx.cancelTimer(timerId);
            PACERS.remove(thread, this);
            releasePhaseSlot(phaseSlot);
            PacerLoad.unregister(thread, load);
        }
    }

    private void add(RtpSession session) {
        if (size == sessions.length) {
            sessions = Arrays.copyOf(sessions, size * 2);
        }
        session.pacerIndex = size;
        sessions[size++] = session;
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
        if (size == 0) {
            return; // cancelled between the timer's firing and this run
        }
        long behind = now - next;
        long passed = deadlinesPassed(behind);
        if (passed == 0) {
            return;
        }
        load.onTick(now, behind);
        int skip = framesToSkip(passed);
        int due = (int) (passed - skip);
        boolean late = behind > LATE_NANOS;
        ticks++;
        if (late) {
            lateTicks++;
        }
        skippedFrames += skip;
        next += passed * PERIOD_NANOS;
        for (int i = 0; i < size; i++) {
            sessions[i].pace(now, due, skip, late);
        }
        for (int i = 0; i < toFlushCount; i++) {
            toFlush[i].flush();
            toFlush[i] = null;
        }
        toFlushCount = 0;
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

    /** Ticks that had work, since this pacer was created. */
    long ticks() {
        return ticks;
    }

    /** Ticks more than {@link #LATE_NANOS} behind their deadline. */
    long lateTicks() {
        return lateTicks;
    }

    /** Deadlines skipped rather than caught up. */
    long skippedFrames() {
        return skippedFrames;
    }

    /** This pacer's phase slot, -1 if it shares one. */
    int phaseSlot() {
        return phaseSlot;
    }

    /** Where this pacer's deadlines fall within the frame, from the common origin of all pacers. */
    long phase() {
        return Math.floorMod(next - PHASE_ORIGIN, PERIOD_NANOS);
    }

    /** Sessions paced by this pacer. */
    int size() {
        return size;
    }
}
