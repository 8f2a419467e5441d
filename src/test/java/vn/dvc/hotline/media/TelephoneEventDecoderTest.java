package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelephoneEventDecoderTest {

    private static final int PT = 101;
    private static final int SSRC = 0x5EED;

    private TelephoneEventDecoder decoder;
    private int sequence;
    private final StringBuilder reported = new StringBuilder();

    @BeforeEach
    void setUp() {
        decoder = new TelephoneEventDecoder();
        sequence = 65530; // every test crosses the 16-bit sequence wrap
    }

    /** A whole RTP packet as it arrives from the socket. */
    private ByteBuf packet(boolean marker, long timestamp, int event, boolean end, int volume, int duration) {
        ByteBuf buf = Unpooled.buffer(16);
        RtpPacket.writeHeader(buf, 0, marker, PT, sequence, timestamp, SSRC);
        sequence = (sequence + 1) & 0xFFFF;
        buf.setByte(12, event);
        buf.setByte(13, (end ? 0x80 : 0) | volume);
        buf.setShort(14, duration);
        buf.writerIndex(16);
        return buf;
    }

    /** Feeds a packet the way the receive path will: RTP accessors, then the payload region. */
    private char feed(ByteBuf packet) {
        assertTrue(RtpPacket.isValid(packet));
        char digit = decoder.onPacket(RtpPacket.marker(packet), RtpPacket.timestamp(packet), packet,
                RtpPacket.payloadOffset(packet), RtpPacket.payloadLength(packet));
        if (digit != DtmfEvent.NONE) {
            reported.append(digit);
        }
        return digit;
    }

    /**
     * The shape SIPp's dtmf_2833 captures have (and most gateways): a start packet with marker, a
     * continuation every 20 ms with growing duration, then three identical end packets.
     */
    private List<ByteBuf> press(long timestamp, int event, int continuations) {
        List<ByteBuf> packets = new ArrayList<>();
        packets.add(packet(true, timestamp, event, false, 10, 160));
        int duration = 160;
        for (int i = 0; i < continuations; i++) {
            duration += 160;
            packets.add(packet(false, timestamp, event, false, 10, duration));
        }
        duration += 160;
        for (int i = 0; i < 3; i++) {
            packets.add(packet(false, timestamp, event, true, 10, duration));
        }
        return packets;
    }

    @Test
    void reportsOnTheFirstPacketOnlyForASipStylePress() {
        List<ByteBuf> packets = press(48000, 1, 5);
        assertEquals('1', feed(packets.get(0)), "reported on the start packet");
        for (ByteBuf p : packets.subList(1, packets.size())) {
            assertEquals(DtmfEvent.NONE, feed(p), "continuation and end packets are silent");
        }
        assertEquals("1", reported.toString());
    }

    @Test
    void aSequenceOfDigitsAcrossTheSequenceWrap() {
        long ts = 1000;
        for (int event : new int[] {0, 9, 10, 11, 12, 15}) {
            press(ts, event, 3).forEach(this::feed);
            ts += 1600;
        }
        assertEquals("09*#AD", reported.toString());
        assertTrue(sequence < 65530, "the sequence wrapped during the test");
    }

    @Test
    void allSixteenKeys() {
        for (int event = 0; event < 16; event++) {
            press(160L * 100 * (event + 1), event, 1).forEach(this::feed);
        }
        assertEquals("0123456789*#ABCD", reported.toString());
    }

    @Test
    void twoPressesOfTheSameDigitAreTwoEvents() {
        press(8000, 5, 4).forEach(this::feed);
        press(8000 + 2400, 5, 4).forEach(this::feed);
        assertEquals("55", reported.toString());
    }

    @Test
    void reportsOnAContinuationWhenTheStartWasLost() {
        List<ByteBuf> packets = press(16000, 7, 4);
        packets.remove(0);
        assertEquals('7', feed(packets.get(0)));
        packets.subList(1, packets.size()).forEach(this::feed);
        assertEquals("7", reported.toString());
    }

    @Test
    void reportsOnceWhenOnlyTheEndPacketsArrive() {
        List<ByteBuf> packets = press(16000, 3, 4);
        List<ByteBuf> ends = packets.subList(packets.size() - 3, packets.size());
        assertEquals('3', feed(ends.get(0)));
        assertEquals(DtmfEvent.NONE, feed(ends.get(1)));
        assertEquals(DtmfEvent.NONE, feed(ends.get(2)));
        assertEquals("3", reported.toString());
    }

    @Test
    void repeatedStartPacketsWithMarkerAreOneEvent() {
        // Some senders repeat the start packet, marker included, for robustness.
        for (int i = 0; i < 3; i++) {
            feed(packet(true, 320, 4, false, 10, 0));
        }
        feed(packet(false, 320, 4, true, 10, 800));
        assertEquals("4", reported.toString());
    }

    @Test
    void aLateEndPacketOfThePreviousEventIsNotANewPress() {
        List<ByteBuf> first = press(8000, 2, 2);
        first.subList(0, 4).forEach(this::feed); // start, 2 continuations, first end
        press(9600, 6, 2).subList(0, 2).forEach(this::feed);
        feed(first.get(4)); // delayed retransmitted end of '2'
        feed(first.get(5));
        assertEquals("26", reported.toString());
    }

    @Test
    void timestampWrapIsANewEventNotALatePacket() {
        press(0xFFFF_FF00L, 8, 2).forEach(this::feed);
        press(0x0000_0500L, 8, 2).forEach(this::feed);
        assertEquals("88", reported.toString());
    }

    @Test
    void longEventSegmentsAreOnePress() {
        long ts = 50_000;
        feed(packet(true, ts, 0, false, 10, 160));
        feed(packet(false, ts, 0, false, 10, 0xFFFF));
        // RFC 4733 §2.5.1.3: the next segment starts 0xFFFF later, no marker, same event.
        feed(packet(false, ts + 0xFFFF, 0, false, 10, 160));
        feed(packet(false, ts + 0xFFFF, 0, true, 10, 4000));
        assertEquals("0", reported.toString());
        // After the end, the same key at the next segment position is a new press.
        feed(packet(true, ts + 2 * 0xFFFF, 0, false, 10, 160));
        assertEquals("00", reported.toString());
    }

    @Test
    void markedEventAtTheSegmentPositionIsANewPress() {
        feed(packet(true, 1000, 9, false, 10, 160));
        feed(packet(true, 1000 + 0xFFFF, 9, false, 10, 160));
        assertEquals("99", reported.toString());
    }

    @Test
    void nonDtmfEventsAreIgnoredWithoutDisturbingState() {
        feed(packet(true, 4000, 16, false, 10, 160)); // flash
        feed(packet(true, 4800, 32, false, 10, 160)); // fax answer tone
        feed(packet(true, 5600, 255, true, 10, 160));
        assertEquals("", reported.toString());
        feed(packet(true, 4000, 1, false, 10, 160)); // same timestamp as the ignored flash
        assertEquals("1", reported.toString());
    }

    @Test
    void payloadsShorterThanFourBytesAreIgnored() {
        for (int length = 0; length < 4; length++) {
            ByteBuf p = packet(true, 100L * (length + 1), 5, false, 10, 160);
            assertEquals(DtmfEvent.NONE, decoder.onPacket(true, 100L * (length + 1), p, 12, length));
            assertEquals(DtmfEvent.NONE, decoder.onPacket(true, 100L * (length + 1), new byte[length], 0, length));
        }
        assertEquals('5', decoder.onPacket(true, 100, new byte[] {5, 10, 0, (byte) 160}, 0, 4));
    }

    @Test
    void arrayVariantReadsAtTheOffsetAndChecksBounds() {
        byte[] payload = {99, 99, 11, (byte) 0x8A, 0x03, 0x20};
        assertEquals('#', decoder.onPacket(false, 7777, payload, 2, 4));
        assertEquals(DtmfEvent.NONE, decoder.onPacket(false, 7777, payload, 2, 4));
        assertEquals(DtmfEvent.NONE, decoder.onPacket(false, 9999, payload, 4, 4), "runs past the array");
        assertEquals(DtmfEvent.NONE, decoder.onPacket(false, 9999, payload, -1, 4));
    }

    @Test
    void resetForgetsTheOldStreamsTimestamps() {
        press(900_000, 1, 1).forEach(this::feed);
        // A new SSRC starting just behind the old timestamps would look like late packets without reset.
        decoder.reset();
        press(899_000, 2, 1).forEach(this::feed);
        assertEquals("12", reported.toString());
    }

    @Test
    void withoutResetAPacketJustBehindTheLastEventIsStale() {
        press(900_000, 1, 1).forEach(this::feed);
        press(899_000, 2, 1).forEach(this::feed);
        press(900_000 - TelephoneEventDecoder.STALE_WINDOW_SAMPLES, 3, 1).forEach(this::feed);
        assertEquals("13", reported.toString(), "ten seconds back is no longer a late packet");
    }
}
