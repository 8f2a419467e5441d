package vn.dvc.hotline.media;

/**
 * ITU-T G.711 companding: µ-law and A-law, encode (16-bit linear to one byte) and decode (one byte to
 * 16-bit linear), plus direct µ-law/A-law transcoding.
 *
 * <p>Every operation is a single lookup in a table built once when the class is initialised, so the
 * per-sample cost is one array read. The tables follow the segment algorithm of G.711 (and of the
 * reference implementation in ITU-T G.191): µ-law works on the 14 most significant bits of the sample,
 * A-law on the 13 most significant bits, negative values in one's complement; µ-law digital silence is
 * {@code 0xFF}, A-law {@code 0xD5} (A-law has no zero: it decodes to +8).
 *
 * <p>Thread model: stateless, the tables are immutable after class initialisation; safe from any thread.
 */
public final class G711 {

    /** The µ-law byte for linear 0. */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    /** The A-law byte for linear 0 (decodes to +8, the smallest positive level). */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    /** µ-law uses 14 bits of the linear sample: the table is indexed by {@code sample >> 2}. */
    static final int ULAW_ENCODE_TABLE_SIZE = 1 << 14;
    /** A-law uses 13 bits of the linear sample: the table is indexed by {@code sample >> 3}. */
    static final int ALAW_ENCODE_TABLE_SIZE = 1 << 13;

    private static final byte[] ULAW_ENCODE = new byte[ULAW_ENCODE_TABLE_SIZE];
    private static final byte[] ALAW_ENCODE = new byte[ALAW_ENCODE_TABLE_SIZE];
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < ULAW_ENCODE_TABLE_SIZE; i++) {
            // Index i holds the top 14 bits; sign-extend them back to a 16-bit sample whose low bits are 0.
            ULAW_ENCODE[i] = ulawCompress((short) (i << 2));
        }
        for (int i = 0; i < ALAW_ENCODE_TABLE_SIZE; i++) {
            ALAW_ENCODE[i] = alawCompress((short) (i << 3));
        }
        for (int b = 0; b < 256; b++) {
            ULAW_DECODE[b] = ulawExpand(b);
            ALAW_DECODE[b] = alawExpand(b);
        }
        for (int b = 0; b < 256; b++) {
            ULAW_TO_ALAW[b] = encodeAlaw(ULAW_DECODE[b]);
            ALAW_TO_ULAW[b] = encodeUlaw(ALAW_DECODE[b]);
        }
    }

    private G711() {
    }

    /**
     * Encodes one 16-bit linear sample to µ-law.
     *
     * @param sample a linear sample; only its low 16 bits are used (pass a {@code short})
     * @return the µ-law byte
     */
    public static byte encodeUlaw(int sample) {
        // (short) keeps the sign of 16-bit input; >> 2 drops the bits µ-law ignores; & masks the index.
        return ULAW_ENCODE[(((short) sample) >> 2) & (ULAW_ENCODE_TABLE_SIZE - 1)];
    }

    /**
     * Encodes one 16-bit linear sample to A-law.
     *
     * @param sample a linear sample; only its low 16 bits are used (pass a {@code short})
     * @return the A-law byte
     */
    public static byte encodeAlaw(int sample) {
        return ALAW_ENCODE[(((short) sample) >> 3) & (ALAW_ENCODE_TABLE_SIZE - 1)];
    }

    /** Decodes one µ-law byte to a 16-bit linear sample (range -32124..32124). */
    public static short decodeUlaw(byte encoded) {
        return ULAW_DECODE[encoded & 0xFF];
    }

    /** Decodes one A-law byte to a 16-bit linear sample (range -32256..32256, never 0). */
    public static short decodeAlaw(byte encoded) {
        return ALAW_DECODE[encoded & 0xFF];
    }

    /** Transcodes µ-law to A-law through the linear value (decode then encode, by one lookup). */
    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    /** Transcodes A-law to µ-law through the linear value (decode then encode, by one lookup). */
    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    /**
     * Encodes {@code length} samples into {@code dst} (µ-law).
     *
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    public static void encodeUlaw(short[] src, int srcOffset, byte[] dst, int dstOffset, int length) {
        checkRanges(src.length, srcOffset, dst.length, dstOffset, length);
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = encodeUlaw(src[srcOffset + i]);
        }
    }

    /**
     * Encodes {@code length} samples into {@code dst} (A-law).
     *
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    public static void encodeAlaw(short[] src, int srcOffset, byte[] dst, int dstOffset, int length) {
        checkRanges(src.length, srcOffset, dst.length, dstOffset, length);
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = encodeAlaw(src[srcOffset + i]);
        }
    }

    /**
     * Decodes {@code length} µ-law bytes into {@code dst}.
     *
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    public static void decodeUlaw(byte[] src, int srcOffset, short[] dst, int dstOffset, int length) {
        checkRanges(src.length, srcOffset, dst.length, dstOffset, length);
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = ULAW_DECODE[src[srcOffset + i] & 0xFF];
        }
    }

    /**
     * Decodes {@code length} A-law bytes into {@code dst}.
     *
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    public static void decodeAlaw(byte[] src, int srcOffset, short[] dst, int dstOffset, int length) {
        checkRanges(src.length, srcOffset, dst.length, dstOffset, length);
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = ALAW_DECODE[src[srcOffset + i] & 0xFF];
        }
    }

    private static void checkRanges(int srcLength, int srcOffset, int dstLength, int dstOffset, int length) {
        // Checked once per call so the loops need no per-element reasoning about partial writes.
        if (srcOffset < 0 || dstOffset < 0 || length < 0
                || length > srcLength - srcOffset || length > dstLength - dstOffset) {
            throw new IndexOutOfBoundsException("range [" + srcOffset + ", +" + length + ") of " + srcLength
                    + " into [" + dstOffset + ", +" + length + ") of " + dstLength);
        }
    }

    // --- table construction (runs once) ---------------------------------------------------------------

    /** G.711 µ-law segment encoding of one 16-bit sample (only its top 14 bits matter). */
    private static byte ulawCompress(short sample) {
        // One's complement for negatives so that -1..-4 share the code of +0 with the sign flipped.
        int magnitude = (sample < 0 ? ~sample : sample) >> 2;
        magnitude += 33; // the µ-law bias in 14-bit units
        if (magnitude > 0x1FFF) {
            magnitude = 0x1FFF;
        }
        int segment = 1;
        for (int i = magnitude >> 6; i != 0; i >>= 1) {
            segment++;
        }
        int highNibble = 8 - segment;
        int lowNibble = 0x0F - ((magnitude >> segment) & 0x0F);
        int code = (highNibble << 4) | lowNibble;
        if (sample >= 0) {
            code |= 0x80;
        }
        return (byte) code;
    }

    /** G.711 A-law segment encoding of one 16-bit sample (only its top 13 bits matter). */
    private static byte alawCompress(short sample) {
        int magnitude = (sample < 0 ? ~sample : sample) >> 4; // 12-bit magnitude
        if (magnitude > 15) {
            int exponent = 1;
            while (magnitude > 16 + 15) {
                magnitude >>= 1;
                exponent++;
            }
            magnitude -= 16; // drop the implicit leading one of segments above the first
            magnitude += exponent << 4;
        }
        if (sample >= 0) {
            magnitude |= 0x80;
        }
        // Even bits are inverted on the line (G.711 §A) to keep enough ones for clock recovery.
        return (byte) (magnitude ^ 0x55);
    }

    private static short ulawExpand(int code) {
        int inverted = ~code & 0xFF;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int step = 4 << (exponent + 1);
        // Middle of the quantisation interval, in 16-bit units (the 14-bit bias of 33 is 4 * 33 here).
        int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
        return (short) ((code & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short alawExpand(int code) {
        int value = (code ^ 0x55) & 0x7F;
        int exponent = value >> 4;
        int mantissa = value & 0x0F;
        if (exponent > 0) {
            mantissa += 16; // the implicit leading one
        }
        mantissa = (mantissa << 4) + 8; // middle of the interval
        if (exponent > 1) {
            mantissa <<= exponent - 1;
        }
        return (short) ((code & 0x80) != 0 ? mantissa : -mantissa);
    }
}
