package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;

/**
 * Turns the RFC 4733 telephone-event packets of one call into key presses, each reported exactly once.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>A sender repeats the packet of an event while the key is held (same RTP timestamp, growing
 * duration), marks the first with the RTP marker bit, and sends the final packet (E bit) usually three
 * times. The RTP timestamp is the event's identity, so the decoder reports a key on the first packet it
 * sees with a new timestamp, whichever packet that is (start, continuation or end: the first ones may be
 * lost), and never again for that timestamp. Two presses of the same key have different timestamps and
 * are both reported. Beyond that:
 * <ul>
 *   <li>a packet whose timestamp lies up to {@value #STALE_WINDOW_SAMPLES} samples (10 s) behind the last
 *       reported event is a late or reordered packet of an earlier event and is ignored;</li>
 *   <li>an event held longer than the 16-bit duration field continues in a new segment whose timestamp is
 *       the previous one plus 0xFFFF, without marker (RFC 4733 §2.5.1.3): not a new press;</li>
 *   <li>events other than the sixteen DTMF keys (0..15), and payloads shorter than 4 bytes, are ignored
 *       without touching the state.</li>
 * </ul>
 * Call {@link #reset()} when the sender's SSRC changes: its timestamps start afresh.
 *
 * <p>Thread model: not thread-safe; owned by one call's event loop. Plain fields, no allocation per packet.
 */
public final class TelephoneEventDecoder {

    /** How far behind the last event a timestamp counts as a late packet rather than a new event. */
    public static final int STALE_WINDOW_SAMPLES = 10 * 8000;

    /** Length of one event block. */
    public static final int PAYLOAD_LENGTH = 4;

    /** Timestamp offset of the next segment of a long event (the largest duration). */
    private static final long SEGMENT_LENGTH = 0xFFFF;

    private boolean seenEvent;
    private long lastTimestamp;
    private int lastEvent;
    private boolean lastEnded;

    /**
     * Feeds one telephone-event packet whose payload is in {@code buf} at absolute index {@code offset}.
     *
     * @param marker    the RTP marker bit
     * @param timestamp the RTP timestamp (unsigned 32-bit)
     * @param length    payload length; only the first block is read
     * @return the key if this packet begins a new press, else {@link DtmfEvent#NONE}
     */
    public char onPacket(boolean marker, long timestamp, ByteBuf buf, int offset, int length) {
        if (length < PAYLOAD_LENGTH) {
            return DtmfEvent.NONE;
        }
        // The duration field (bytes 2-3) is not needed: timestamps alone identify events and segments.
        return onEvent(marker, timestamp, buf.getUnsignedByte(offset), (buf.getByte(offset + 1) & 0x80) != 0);
    }

    /** As {@link #onPacket(boolean, long, ByteBuf, int, int)}, over an array. */
    public char onPacket(boolean marker, long timestamp, byte[] payload, int offset, int length) {
        if (length < PAYLOAD_LENGTH || offset < 0 || offset > payload.length - PAYLOAD_LENGTH) {
            return DtmfEvent.NONE;
        }
        return onEvent(marker, timestamp, payload[offset] & 0xFF, (payload[offset + 1] & 0x80) != 0);
    }

    /**
     * Feeds one already-parsed event block.
     *
     * @param event event code, 0..255
     * @param end   the E bit
     * @return the key if this block begins a new press, else {@link DtmfEvent#NONE}
     */
    public char onEvent(boolean marker, long timestamp, int event, boolean end) {
        if (event < 0 || event >= DtmfEvent.COUNT) {
            return DtmfEvent.NONE;
        }
        long ts = timestamp & 0xFFFF_FFFFL;
        if (seenEvent) {
            if (ts == lastTimestamp) {
                lastEnded |= end;
                return DtmfEvent.NONE;
            }
            long behind = (lastTimestamp - ts) & 0xFFFF_FFFFL;
            if (behind < STALE_WINDOW_SAMPLES) {
                return DtmfEvent.NONE;
            }
            long ahead = (ts - lastTimestamp) & 0xFFFF_FFFFL;
            if (!marker && !lastEnded && event == lastEvent && ahead == SEGMENT_LENGTH) {
                lastTimestamp = ts;
                lastEnded = end;
                return DtmfEvent.NONE;
            }
        }
        seenEvent = true;
        lastTimestamp = ts;
        lastEvent = event;
        lastEnded = end;
        return DtmfEvent.toDigit(event);
    }

    /** Forgets every event seen, for a new sender (SSRC change) whose timestamps start afresh. */
    public void reset() {
        seenEvent = false;
        lastEnded = false;
    }
}
