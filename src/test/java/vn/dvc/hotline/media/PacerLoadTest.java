package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The overload rule of {@link PacerLoad} on a fake clock: ticks are fed with explicit times and lags. */
class PacerLoadTest {

    private static final long MS = 1_000_000L;
    private static final long PERIOD = RtpPacer.PERIOD_NANOS;
    private static final long LIMIT = PacerLoad.LAG_LIMIT_NANOS;

    private long now = 1_000_000_000_000L;
    private final PacerLoad load = new PacerLoad(null, now);

    private void tick(long lag) {
        now += PERIOD;
        load.onTick(now, lag, LIMIT);
    }

    @Test
    void aLoopThatKeepsTimeIsNotOverloaded() {
        for (int i = 0; i < 500; i++) {
            tick(i % 7 == 0 ? 4 * MS : MS);
        }
        assertFalse(load.overloaded(now));
    }

    @Test
    void oneLongPauseDoesNotTripIt() {
        for (int i = 0; i < 100; i++) {
            tick(MS);
        }
        tick(40 * MS); // a GC pause: one late tick, frames caught up in a burst
        for (int i = 0; i < 3; i++) {
            tick(MS);
        }
        assertFalse(load.overloaded(now));
    }

    @Test
    void lateOnHalfTheTicksTripsItAndItHoldsAfterRecovery() {
        for (int i = 0; i < 100; i++) {
            tick(MS);
        }
        for (int i = 0; i < PacerLoad.LATE_TICKS_TO_TRIP - 1; i++) {
            tick(LIMIT + MS);
            tick(MS);
            assertFalse(load.overloaded(now), "below the share of late ticks");
        }
        tick(LIMIT + MS);
        assertTrue(load.overloaded(now), "every other tick late over the window");
        long tripped = now;

        // keeps time again: the rule holds until the first late tick (48 ticks back) leaves the 50-tick
        // window, one tick later; the loop then stays overloaded for the hold
        long recovered = -1;
        for (int i = 0; i < 500 && recovered < 0; i++) {
            tick(MS);
            if (!load.overloaded(now)) {
                recovered = now;
            }
        }
        assertEquals(tripped + PERIOD + PacerLoad.HOLD_NANOS, recovered);
    }

    @Test
    void aLoopThatStopsTickingIsOverloaded() {
        tick(MS);
        assertFalse(load.overloaded(now + PacerLoad.STALL_NANOS));
        assertTrue(load.overloaded(now + PacerLoad.STALL_NANOS + 1), "no tick for ten periods");
        tick(MS);
        assertFalse(load.overloaded(now));
    }

    @Test
    void lateOnOneTickInFiveDoesNotTripIt() {
        // A ramp of call set-ups that delays some ticks while the calls up still keep time.
        for (int i = 0; i < 500; i++) {
            tick(i % 5 == 0 ? 3 * LIMIT : MS);
        }
        assertFalse(load.overloaded(now));
    }

    @Test
    void exactlyAtTheLimitIsNotLate() {
        for (int i = 0; i < 100; i++) {
            tick(LIMIT);
        }
        assertFalse(load.overloaded(now));
    }
}
