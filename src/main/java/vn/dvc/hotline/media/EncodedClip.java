package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A prompt encoded once in both G.711 laws and cut into 20 ms frames of 160 bytes, so that playing it
 * costs one 160-byte copy per packet whatever law the call negotiated. The last frame is padded with the
 * law's silence byte.
 *
 * <p>Thread model: immutable, shareable across event loops. The encoded arrays never leave the object;
 * frames are copied out with {@link #copyFrame(Law, int, ByteBuf, int)} (no allocation, no buffer index
 * moves), and {@link #toByteArray(Law)} returns a copy for storage.
 */
public final class EncodedClip {

    /** Bytes (and samples) per 20 ms frame at 8 kHz. */
    public static final int FRAME_BYTES = 160;
    /** Duration of one frame. */
    public static final int FRAME_MILLIS = 20;

    private final byte[] ulaw;
    private final byte[] alaw;
    private final int frameCount;

    private EncodedClip(byte[] ulaw, byte[] alaw) {
        this.ulaw = ulaw;
        this.alaw = alaw;
        this.frameCount = ulaw.length / FRAME_BYTES;
    }

    /**
     * Encodes 8 kHz audio in both laws.
     *
     * @throws IllegalArgumentException if the audio is not at 8000 Hz (resample it first)
     */
    public static EncodedClip fromPcm(PcmAudio audio) {
        if (audio == null) {
            throw new IllegalArgumentException("audio must not be null");
        }
        if (audio.sampleRate() != Law.CLOCK_RATE) {
            throw new IllegalArgumentException("a clip needs 8000 Hz audio, got " + audio.sampleRate()
                    + " Hz: resample it first (Resampler.toNarrowband)");
        }
        return fromPcm(audio.array());
    }

    /** Encodes 8 kHz samples in both laws. */
    public static EncodedClip fromPcm(short[] samples8k) {
        if (samples8k == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        int length = paddedLength(samples8k.length);
        byte[] ulaw = new byte[length];
        byte[] alaw = new byte[length];
        G711.encodeUlaw(samples8k, 0, ulaw, 0, samples8k.length);
        G711.encodeAlaw(samples8k, 0, alaw, 0, samples8k.length);
        Arrays.fill(ulaw, samples8k.length, length, Law.PCMU.silence());
        Arrays.fill(alaw, samples8k.length, length, Law.PCMA.silence());
        return new EncodedClip(ulaw, alaw);
    }

    /**
     * A clip from 8 kHz G.711 bytes of one law (the prompt table stores µ-law): those bytes are kept as
     * they are, the other law is transcoded.
     */
    public static EncodedClip fromG711(Law law, byte[] encoded) {
        if (law == null || encoded == null) {
            throw new IllegalArgumentException("law and encoded bytes must not be null");
        }
        int length = paddedLength(encoded.length);
        byte[] same = Arrays.copyOf(encoded, length);
        byte[] other = new byte[length];
        for (int i = 0; i < encoded.length; i++) {
            other[i] = law == Law.PCMU ? G711.ulawToAlaw(encoded[i]) : G711.alawToUlaw(encoded[i]);
        }
        Arrays.fill(same, encoded.length, length, law.silence());
        Law otherLaw = law == Law.PCMU ? Law.PCMA : Law.PCMU;
        Arrays.fill(other, encoded.length, length, otherLaw.silence());
        return law == Law.PCMU ? new EncodedClip(same, other) : new EncodedClip(other, same);
    }

    /** {@code frames} frames of digital silence (comfort while waiting, pauses between prompts). */
    public static EncodedClip silence(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative, was " + frames);
        }
        byte[] ulaw = new byte[frames * FRAME_BYTES];
        byte[] alaw = new byte[frames * FRAME_BYTES];
        Arrays.fill(ulaw, Law.PCMU.silence());
        Arrays.fill(alaw, Law.PCMA.silence());
        return new EncodedClip(ulaw, alaw);
    }

    private static int paddedLength(int samples) {
        return (samples + FRAME_BYTES - 1) / FRAME_BYTES * FRAME_BYTES;
    }

    /** Number of 20 ms frames. */
    public int frameCount() {
        return frameCount;
    }

    /** Duration of all frames, padding included. */
    public long durationMillis() {
        return (long) frameCount * FRAME_MILLIS;
    }

    /**
     * Copies frame {@code frame} in {@code law} to {@code dst} at absolute {@code dstIndex}; no index of
     * {@code dst} moves.
     *
     * @throws IndexOutOfBoundsException if the frame does not exist or does not fit in {@code dst}
     */
    public void copyFrame(Law law, int frame, ByteBuf dst, int dstIndex) {
        dst.setBytes(dstIndex, bytes(law), frameOffset(frame), FRAME_BYTES);
    }

    /**
     * Copies frame {@code frame} in {@code law} to {@code dst} at {@code dstOffset}.
     *
     * @throws IndexOutOfBoundsException if the frame does not exist or does not fit in {@code dst}
     */
    public void copyFrame(Law law, int frame, byte[] dst, int dstOffset) {
        System.arraycopy(bytes(law), frameOffset(frame), dst, dstOffset, FRAME_BYTES);
    }

    /** A copy of the whole clip in {@code law}, padding included (for storage or a WAV export). */
    public byte[] toByteArray(Law law) {
        return bytes(law).clone();
    }

    private byte[] bytes(Law law) {
        if (law == null) {
            throw new IllegalArgumentException("law must not be null");
        }
        return law == Law.PCMU ? ulaw : alaw;
    }

    private int frameOffset(int frame) {
        if (frame < 0 || frame >= frameCount) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + frameCount);
        }
        return frame * FRAME_BYTES;
    }

    @Override
    public String toString() {
        return "EncodedClip[" + frameCount + " frames, " + durationMillis() + " ms]";
    }
}
