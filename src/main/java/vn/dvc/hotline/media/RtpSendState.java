package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;

/**
 * The outgoing RTP stream of one call: SSRC, next sequence number, next timestamp and whether the next
 * packet starts a talkspurt (marker bit).
 *
 * <p>RFC 3550 §5.1 asks for a random SSRC and random initial sequence number and timestamp; the
 * sequence advances by one per packet (16-bit wrap) and the timestamp by the samples each packet covers
 * (32-bit wrap), also across frames that are not sent, so that the far end's playout clock keeps time.
 * RFC 3551 §4.1 sets the marker on the first packet of a talkspurt: the very first packet, the first after
 * frames were skipped, and, by our choice, the first of a new prompt so that the far end may re-sync its
 * jitter buffer at a prompt boundary.
 *
 * <p>Thread model: not thread-safe; owned by one call's event loop (the pacer of that loop). Plain fields,
 * no allocation per packet.
 */
public final class RtpSendState {

    /** Samples per 20 ms frame at 8 kHz: the timestamp step per G.711 packet. */
    public static final int SAMPLES_PER_FRAME = 160;

    private final int ssrc;
    private int sequence;
    private long timestamp;
    private boolean markerPending = true;

    /**
     * A stream with explicit starting values (tests, or a caller that keeps SSRC across a re-INVITE).
     *
     * @param firstSequence  sequence number of the first packet, 0..65535
     * @param firstTimestamp timestamp of the first packet, 0..2^32 - 1
     */
    public RtpSendState(int ssrc, int firstSequence, long firstTimestamp) {
        if (firstSequence < 0 || firstSequence > 0xFFFF) {
            throw new IllegalArgumentException("first sequence must be 0..65535, was " + firstSequence);
        }
        if (firstTimestamp < 0 || firstTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("first timestamp must be 0..2^32-1, was " + firstTimestamp);
        }
        this.ssrc = ssrc;
        this.sequence = firstSequence;
        this.timestamp = firstTimestamp;
    }

    /** A stream with random SSRC, first sequence number and first timestamp, drawn from {@code random}. */
    public static RtpSendState random(RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        return new RtpSendState(random.nextInt(), random.nextInt(0x1_0000), random.nextLong(0x1_0000_0000L));
    }

    /** The SSRC of this stream. */
    public int ssrc() {
        return ssrc;
    }

    /** Sequence number the next packet will carry, 0..65535. */
    public int sequence() {
        return sequence;
    }

    /** Timestamp the next packet will carry, 0..2^32 - 1. */
    public long timestamp() {
        return timestamp;
    }

    /** Whether the next packet will carry the marker bit. */
    public boolean markerPending() {
        return markerPending;
    }

    /** Marks the next packet as the first of a talkspurt (a new prompt starts). */
    public void startTalkspurt() {
        markerPending = true;
    }

    /**
     * Writes the 12-byte header of the next packet at {@code index} (see
     * {@link RtpPacket#writeHeader}) and advances the stream by one packet of {@link #SAMPLES_PER_FRAME}.
     *
     * @return {@link RtpPacket#HEADER_LENGTH}
     */
    public int writeNextHeader(ByteBuf buf, int index, int payloadType) {
        int written = RtpPacket.writeHeader(buf, index, markerPending, payloadType, sequence, timestamp, ssrc);
        packetSent(SAMPLES_PER_FRAME);
        return written;
    }

    /**
     * Records that a packet covering {@code samples} samples was sent with the current values: the
     * sequence advances by one, the timestamp by {@code samples}, and the marker clears.
     */
    public void packetSent(int samples) {
        checkSamples(samples);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + samples) & 0xFFFF_FFFFL;
        markerPending = false;
    }

    /**
     * Records that {@code frames} 20 ms frames passed without a packet (silence suppression, hold): the
     * timestamp keeps time, the sequence does not move (RFC 3550 counts packets, not time), and the next
     * packet starts a talkspurt.
     */
    public void framesSkipped(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative, was " + frames);
        }
        if (frames == 0) {
            return;
        }
        timestamp = (timestamp + (long) frames * SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
        markerPending = true;
    }

    private static void checkSamples(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative, was " + samples);
        }
    }
}
