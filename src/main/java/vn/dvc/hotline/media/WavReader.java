package vn.dvc.hotline.media;

/**
 * Reads RIFF/WAVE files into mono 16-bit {@link PcmAudio}: PCM 8-bit (unsigned) and 16-bit, G.711 A-law
 * (format 6) and µ-law (format 7), also inside {@code WAVE_FORMAT_EXTENSIBLE}; any sample rate; any
 * number of channels, mixed down to mono by averaging.
 *
 * <p>Files come from staff uploads and from espeak-ng, so the reader is lenient where real files differ
 * from the specification and strict where the audio would be wrong:
 * <ul>
 *   <li>chunks other than {@code fmt } and {@code data} ({@code LIST}, {@code fact}, {@code cue }, ...) are
 *       skipped, before or after the data;</li>
 *   <li>odd-sized chunks are followed by a pad byte, but writers that forget it are recognised;</li>
 *   <li>a data size larger than what is left ({@code 0xFFFFFFFF} and similar placeholders from writers
 *       that stream to a pipe, as espeak-ng does to stdout) means "up to the end of the file", and so does
 *       a data size of 0 followed by bytes that are not another chunk; the RIFF size is ignored for the
 *       same reason;</li>
 *   <li>a trailing partial sample frame is dropped;</li>
 *   <li>anything it cannot decode correctly (float, 24-bit, compressed formats, RIFX, RF64) is rejected
 *       with an {@link IllegalArgumentException} whose message says what was found and what is
 *       supported.</li>
 * </ul>
 *
 * <p>Thread model: stateless static methods; safe from any thread. Run it on a worker thread: it is meant
 * for prompt preparation, not for the event loop.
 */
public final class WavReader {

    static final int FORMAT_PCM = 1;
    static final int FORMAT_IEEE_FLOAT = 3;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_MULAW = 7;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private static final String SUPPORTED =
            "supported: PCM 8/16-bit, A-law, µ-law (16-bit mono PCM or 8 kHz µ-law is best)";

    private WavReader() {
    }

    /**
     * Decodes a whole WAV file.
     *
     * @throws IllegalArgumentException if the bytes are not a WAV file this reader can decode
     */
    public static PcmAudio read(byte[] file) {
        if (file == null) {
            throw new IllegalArgumentException("WAV file bytes must not be null");
        }
        if (file.length < 12) {
            throw new IllegalArgumentException("not a WAV file: only " + file.length + " bytes");
        }
        String riff = fourCc(file, 0);
        if (riff.equals("RIFX")) {
            throw new IllegalArgumentException("big-endian WAV (RIFX) is not supported; " + SUPPORTED);
        }
        if (riff.equals("RF64")) {
            throw new IllegalArgumentException("RF64 WAV is not supported; " + SUPPORTED);
        }
        if (!riff.equals("RIFF") || !fourCc(file, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file: it starts with \"" + printable(file, 0, 4)
                    + "\" ... \"" + printable(file, 8, 4) + "\", not RIFF ... WAVE");
        }
        Format format = null;
        int position = 12;
        while (position + 8 <= file.length) {
            String id = fourCc(file, position);
            long declared = readUnsignedInt(file, position + 4);
            int body = position + 8;
            int available = file.length - body;
            if (id.equals("data")) {
                if (format == null) {
                    throw new IllegalArgumentException("WAV data chunk comes before any fmt chunk");
                }
                boolean placeholder = declared > available
                        || (declared == 0 && available > 0 && !looksLikeChunkId(file, body));
                int size = placeholder ? available : (int) declared;
                return decode(file, body, size, format);
            }
            if (declared > available) {
                throw new IllegalArgumentException("WAV chunk \"" + printable(file, position, 4) + "\" at byte "
                        + position + " declares " + declared + " bytes but only " + available + " remain");
            }
            if (id.equals("fmt ")) {
                format = parseFormat(file, body, (int) declared);
            }
            position = nextChunk(file, body, (int) declared);
        }
        if (format == null) {
            throw new IllegalArgumentException("WAV file has no fmt chunk");
        }
        throw new IllegalArgumentException("WAV file has no data chunk");
    }

    /** Where the chunk after one of {@code size} bytes at {@code body} starts, minding the pad byte. */
    private static int nextChunk(byte[] file, int body, int size) {
        int next = body + size;
        if ((size & 1) == 0) {
            return next;
        }
        // RIFF pads odd chunks to an even size, but some writers forget: if the bytes right after the chunk
        // look like a chunk id and those after a pad byte do not, there is no pad byte.
        if (looksLikeChunkId(file, next) && !looksLikeChunkId(file, next + 1)) {
            return next;
        }
        return next + 1;
    }

    private static boolean looksLikeChunkId(byte[] file, int at) {
        if (at + 8 > file.length) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int c = file[at + i] & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** What the fmt chunk says, reduced to what decoding needs. */
    private record Format(int encoding, int channels, int sampleRate, int bitsPerSample, int blockAlign) {
    }

    private static Format parseFormat(byte[] file, int body, int size) {
        if (size < 16) {
            throw new IllegalArgumentException("WAV fmt chunk is " + size + " bytes, at least 16 expected");
        }
        int encoding = readUnsignedShort(file, body);
        int channels = readUnsignedShort(file, body + 2);
        long sampleRate = readUnsignedInt(file, body + 4);
        int blockAlign = readUnsignedShort(file, body + 12);
        int bitsPerSample = readUnsignedShort(file, body + 14);
        if (encoding == FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new IllegalArgumentException("WAV extensible fmt chunk is " + size + " bytes, 40 expected");
            }
            // The sub-format GUID starts with the classic format code.
            encoding = readUnsignedShort(file, body + 24);
        }
        if (encoding == FORMAT_IEEE_FLOAT) {
            throw new IllegalArgumentException("WAV with floating-point samples is not supported; " + SUPPORTED);
        }
        if (encoding != FORMAT_PCM && encoding != FORMAT_ALAW && encoding != FORMAT_MULAW) {
            throw new IllegalArgumentException("WAV format code " + encoding + " is not supported; " + SUPPORTED);
        }
        if (channels == 0) {
            throw new IllegalArgumentException("WAV fmt chunk declares 0 channels");
        }
        if (sampleRate == 0 || sampleRate > 1_000_000) {
            throw new IllegalArgumentException("WAV sample rate " + sampleRate + " Hz is not plausible");
        }
        int expectedBits = encoding == FORMAT_PCM ? bitsPerSample : 8;
        if (encoding == FORMAT_PCM && bitsPerSample != 8 && bitsPerSample != 16) {
            throw new IllegalArgumentException("WAV PCM with " + bitsPerSample + " bits per sample is not supported; "
                    + SUPPORTED);
        }
        if (encoding != FORMAT_PCM && bitsPerSample != 8) {
            throw new IllegalArgumentException("WAV G.711 with " + bitsPerSample + " bits per sample; 8 expected");
        }
        if (blockAlign != channels * expectedBits / 8) {
            throw new IllegalArgumentException("WAV block align " + blockAlign + " does not match " + channels
                    + " channel(s) of " + expectedBits + " bits");
        }
        return new Format(encoding, channels, (int) sampleRate, bitsPerSample, blockAlign);
    }

    private static PcmAudio decode(byte[] file, int start, int size, Format format) {
        int frames = size / format.blockAlign();
        int channels = format.channels();
        short[] out = new short[frames];
        int at = start;
        for (int frame = 0; frame < frames; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += sampleAt(file, at, format);
                at += format.blockAlign() / channels;
            }
            // The average of 16-bit values fits 16 bits; rounding to nearest avoids a bias towards zero.
            out[frame] = (short) (channels == 1 ? sum : Math.round((double) sum / channels));
        }
        return PcmAudio.wrap(out, format.sampleRate());
    }

    private static int sampleAt(byte[] file, int at, Format format) {
        switch (format.encoding()) {
            case FORMAT_ALAW:
                return G711.decodeAlaw(file[at]);
            case FORMAT_MULAW:
                return G711.decodeUlaw(file[at]);
            default:
                if (format.bitsPerSample() == 8) {
                    return ((file[at] & 0xFF) - 128) << 8; // 8-bit WAV is unsigned, centred on 128
                }
                return (short) ((file[at] & 0xFF) | (file[at + 1] << 8));
        }
    }

    private static String fourCc(byte[] file, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (file[at + i] & 0xFF);
        }
        return new String(chars);
    }

    /** Up to {@code length} bytes as text, non-printable bytes as '?', for error messages. */
    private static String printable(byte[] file, int at, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = at; i < at + length && i < file.length; i++) {
            int c = file[i] & 0xFF;
            text.append(c >= 0x20 && c <= 0x7E ? (char) c : '?');
        }
        return text.toString();
    }

    private static int readUnsignedShort(byte[] file, int at) {
        return (file[at] & 0xFF) | (file[at + 1] & 0xFF) << 8;
    }

    private static long readUnsignedInt(byte[] file, int at) {
        return (file[at] & 0xFFL) | (file[at + 1] & 0xFFL) << 8 | (file[at + 2] & 0xFFL) << 16
                | (file[at + 3] & 0xFFL) << 24;
    }
}
