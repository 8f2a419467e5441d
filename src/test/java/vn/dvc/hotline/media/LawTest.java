package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LawTest {

    @Test
    void payloadTypesNamesAndSilenceFollowRfc3551() {
        assertEquals(0, Law.PCMU.payloadType());
        assertEquals(8, Law.PCMA.payloadType());
        assertEquals("PCMU", Law.PCMU.encodingName());
        assertEquals("PCMA", Law.PCMA.encodingName());
        assertEquals((byte) 0xFF, Law.PCMU.silence());
        assertEquals((byte) 0xD5, Law.PCMA.silence());
        assertEquals(8000, Law.CLOCK_RATE);
    }

    @Test
    void lookupByPayloadTypeAndName() {
        assertEquals(Optional.of(Law.PCMU), Law.forPayloadType(0));
        assertEquals(Optional.of(Law.PCMA), Law.forPayloadType(8));
        assertTrue(Law.forPayloadType(18).isEmpty());
        assertTrue(Law.forPayloadType(-1).isEmpty());
        assertEquals(Optional.of(Law.PCMA), Law.forEncodingName("pcma"));
        assertEquals(Optional.of(Law.PCMU), Law.forEncodingName(" PCMU "));
        assertTrue(Law.forEncodingName("G729").isEmpty());
        assertTrue(Law.forEncodingName(null).isEmpty());
    }

    @Test
    void encodeAndDecodeDelegateToTheRightLaw() {
        assertEquals(G711.encodeUlaw(1234), Law.PCMU.encode(1234));
        assertEquals(G711.encodeAlaw(1234), Law.PCMA.encode(1234));
        assertEquals(G711.decodeUlaw((byte) 0x12), Law.PCMU.decode((byte) 0x12));
        assertEquals(G711.decodeAlaw((byte) 0x12), Law.PCMA.decode((byte) 0x12));
        for (Law law : Law.values()) {
            assertEquals(law.silence(), law.encode(0));
        }
    }
}
