package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The pacer's catch-up arithmetic, without a clock; the timer itself runs in {@link RtpSessionTest}. */
class RtpPacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void aDeadlineIsDueFromJustBeforeIt() {
        assertEquals(0, RtpPacer.deadlinesPassed(-5 * MS));
        assertEquals(0, RtpPacer.deadlinesPassed(-RtpPacer.EARLY_NANOS - 1));
        assertEquals(1, RtpPacer.deadlinesPassed(-RtpPacer.EARLY_NANOS));
        assertEquals(1, RtpPacer.deadlinesPassed(0));
        assertEquals(1, RtpPacer.deadlinesPassed(19 * MS));
    }

    @Test
    void aLateTickCatchesUpInABurst() {
        assertEquals(2, RtpPacer.deadlinesPassed(20 * MS));
        assertEquals(3, RtpPacer.deadlinesPassed(59 * MS));
        assertEquals(0, RtpPacer.framesToSkip(1));
        assertEquals(0, RtpPacer.framesToSkip(RtpPacer.MAX_BURST));
    }

    @Test
    void fartherBehindTheOlderFramesAreSkipped() {
        long passed = RtpPacer.deadlinesPassed(200 * MS);
        assertEquals(11, passed);
        assertEquals(10, RtpPacer.framesToSkip(passed));
        assertEquals(RtpPacer.MAX_BURST, RtpPacer.framesToSkip(RtpPacer.MAX_BURST + 1));
        assertEquals(Integer.MAX_VALUE, RtpPacer.framesToSkip(Long.MAX_VALUE / 2));
    }

    @Test
    void loopsTakePhasesSpreadEvenlyOverTheFrame() {
        // the timer fires every 10 ms (a send, then a read): two loops alternate at 5 ms, four at 2.5 ms
        assertEquals(0, RtpPacer.phaseOffset(0));
        assertEquals(5 * MS, RtpPacer.phaseOffset(1), "two loops: half the timer's period apart");
        assertEquals(2 * MS + MS / 2, RtpPacer.phaseOffset(2));
        assertEquals(7 * MS + MS / 2, RtpPacer.phaseOffset(3), "four loops: a quarter apart");
        TreeSet<Long> phases = new TreeSet<>();
        for (int slot = 0; slot < RtpPacer.PHASE_SLOTS; slot++) {
            long offset = RtpPacer.phaseOffset(slot);
            assertTrue(offset >= 0 && offset < RtpPacer.TIMER_NANOS, "within the timer's period: " + offset);
            phases.add(offset);
        }
        assertEquals(RtpPacer.PHASE_SLOTS, phases.size(), "every slot its own phase");
    }

    @Test
    void theFirstDeadlineFallsOnThePhaseWithinAFrame() {
        long now = 123_456_789_000L;
        long atZero = RtpPacer.firstDeadline(now, 0);
        for (long offset : new long[] {5 * MS, 10 * MS, 15 * MS, RtpPacer.PERIOD_NANOS - 1}) {
            long deadline = RtpPacer.firstDeadline(now, offset);
            assertTrue(deadline >= now + MS && deadline <= now + MS + RtpPacer.PERIOD_NANOS, "within 21 ms");
            assertEquals(offset, Math.floorMod(deadline - atZero, RtpPacer.PERIOD_NANOS), "on its phase");
        }
        for (long later = now; later < now + 3 * RtpPacer.PERIOD_NANOS; later += 7 * MS + 1) {
            assertEquals(0, Math.floorMod(RtpPacer.firstDeadline(later, 0) - atZero, RtpPacer.PERIOD_NANOS),
                    "the same phase whenever the pacer starts");
        }
    }
}
