package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DtmfEventTest {

    @Test
    void codesMapToKeysBothWays() {
        String keys = "0123456789*#ABCD";
        for (int code = 0; code < 16; code++) {
            assertEquals(keys.charAt(code), DtmfEvent.toDigit(code));
            assertEquals(code, DtmfEvent.toEventCode(keys.charAt(code)));
            assertTrue(DtmfEvent.isDigit(keys.charAt(code)));
        }
        assertEquals(12, DtmfEvent.toEventCode('a'));
        assertEquals(15, DtmfEvent.toEventCode('d'));
    }

    @Test
    void everythingElseIsNoDigit() {
        assertEquals(DtmfEvent.NONE, DtmfEvent.toDigit(16));
        assertEquals(DtmfEvent.NONE, DtmfEvent.toDigit(-1));
        assertEquals(-1, DtmfEvent.toEventCode('E'));
        assertEquals(-1, DtmfEvent.toEventCode(' '));
        assertEquals(-1, DtmfEvent.toEventCode(DtmfEvent.NONE));
        assertFalse(DtmfEvent.isDigit(DtmfEvent.NONE));
        assertFalse(DtmfEvent.isDigit('a'), "canonical form is upper case");
        assertFalse(DtmfEvent.isDigit('!'));
    }
}
