package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtpSendStateTest {

    @Test
    void firstPacketCarriesMarkerThenSequenceAndTimestampAdvance() {
        RtpSendState state = new RtpSendState(0x11223344, 100, 1000);
        ByteBuf buf = Unpooled.buffer(12);
        buf.writerIndex(12);

        assertEquals(12, state.writeNextHeader(buf, 0, 0));
        assertTrue(RtpPacket.marker(buf));
        assertEquals(100, RtpPacket.sequenceNumber(buf));
        assertEquals(1000, RtpPacket.timestamp(buf));
        assertEquals(0x11223344, RtpPacket.ssrc(buf));

        state.writeNextHeader(buf, 0, 0);
        assertFalse(RtpPacket.marker(buf));
        assertEquals(101, RtpPacket.sequenceNumber(buf));
        assertEquals(1160, RtpPacket.timestamp(buf));
        assertEquals(102, state.sequence());
        assertEquals(1320, state.timestamp());
    }

    @Test
    void sequenceWrapsAt16Bits() {
        RtpSendState state = new RtpSendState(1, 65534, 0);
        state.packetSent(160);
        assertEquals(65535, state.sequence());
        state.packetSent(160);
        assertEquals(0, state.sequence());
        state.packetSent(160);
        assertEquals(1, state.sequence());
    }

    @Test
    void timestampWrapsAt32Bits() {
        RtpSendState state = new RtpSendState(1, 0, 0xFFFF_FFFFL - 100);
        state.packetSent(160);
        assertEquals(59, state.timestamp());
        state.framesSkipped(1);
        assertEquals(219, state.timestamp());
    }

    @Test
    void skippedFramesKeepTimeButNotSequenceAndSetTheMarker() {
        RtpSendState state = new RtpSendState(1, 10, 0);
        state.packetSent(160);
        assertFalse(state.markerPending());
        state.framesSkipped(5);
        assertEquals(11, state.sequence(), "RTP sequence counts packets, not time");
        assertEquals(160 + 5 * 160, state.timestamp());
        assertTrue(state.markerPending());
        state.packetSent(160);
        assertFalse(state.markerPending());
        state.framesSkipped(0);
        assertFalse(state.markerPending(), "skipping nothing is no silence");
    }

    @Test
    void newPromptStartsATalkspurt() {
        RtpSendState state = new RtpSendState(1, 0, 0);
        state.packetSent(160);
        state.startTalkspurt();
        ByteBuf buf = Unpooled.buffer(12);
        buf.writerIndex(12);
        state.writeNextHeader(buf, 0, 8);
        assertTrue(RtpPacket.marker(buf));
        assertEquals(8, RtpPacket.payloadType(buf));
        assertEquals(1, RtpPacket.sequenceNumber(buf));
        assertEquals(160, RtpPacket.timestamp(buf));
        assertFalse(state.markerPending());
    }

    @Test
    void randomStreamsDrawAllThreeValues() {
        Random random = new Random(42);
        Set<Integer> ssrcs = new HashSet<>();
        Set<Integer> sequences = new HashSet<>();
        Set<Long> timestamps = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            RtpSendState state = RtpSendState.random(random);
            ssrcs.add(state.ssrc());
            sequences.add(state.sequence());
            timestamps.add(state.timestamp());
            assertTrue(state.sequence() >= 0 && state.sequence() <= 0xFFFF);
            assertTrue(state.timestamp() >= 0 && state.timestamp() <= 0xFFFF_FFFFL);
            assertTrue(state.markerPending());
        }
        assertTrue(ssrcs.size() > 45);
        assertTrue(sequences.size() > 45);
        assertTrue(timestamps.size() > 45);
        assertNotEquals(RtpSendState.random(new Random(1)).ssrc(), RtpSendState.random(new Random(2)).ssrc());
    }

    @Test
    void constructorAndMutatorsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new RtpSendState(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendState(1, 65536, 0));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendState(1, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new RtpSendState(1, 0, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> RtpSendState.random(null));
        RtpSendState state = new RtpSendState(1, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> state.packetSent(-160));
        assertThrows(IllegalArgumentException.class, () -> state.framesSkipped(-1));
    }
}
