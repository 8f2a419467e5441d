package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
