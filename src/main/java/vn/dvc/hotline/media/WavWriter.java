package vn.dvc.hotline.media;

/**
 * Writes canonical RIFF/WAVE files: 16-bit mono PCM at any rate, and 8 kHz mono G.711 (format 6 A-law,
 * 7 µ-law, with the {@code fact} chunk non-PCM formats carry). Sizes are always exact, so any player and
 * {@link WavReader} read them back.
 *
 * <p>Thread model: stateless static methods; safe from any thread.
 */
public final class WavWriter {

    private WavWriter() {
    }

    /** A 16-bit mono PCM WAV file of {@code audio}. */
    public static byte[] writePcm16(PcmAudio audio) {
        if (audio == null) {
            throw new IllegalArgumentException("audio must not be null");
        }
        short[] samples = audio.array();
        int dataSize = samples.length * 2;
        byte[] file = new byte[44 + dataSize];
        int at = writeRiffHeader(file, file.length);
        at = writeFmt(file, at, WavReader.FORMAT_PCM, audio.sampleRate(), 16, 16);
        at = writeChunkHeader(file, at, "data", dataSize);
        for (short sample : samples) {
            file[at++] = (byte) sample;
            file[at++] = (byte) (sample >> 8);
        }
        return file;
    }

    /**
     * An 8 kHz mono G.711 WAV file of {@code encoded}, already in {@code law}.
     *
     * @param encoded G.711 bytes, written as they are
     */
    public static byte[] writeG711(Law law, byte[] encoded) {
        if (law == null || encoded == null) {
            throw new IllegalArgumentException("law and encoded bytes must not be null");
        }
        int pad = encoded.length & 1; // RIFF chunks are padded to an even size
        // RIFF header 12, fmt chunk 8 + 18, fact chunk 8 + 4, data chunk header 8.
        byte[] file = new byte[12 + 26 + 12 + 8 + encoded.length + pad];
        int at = writeRiffHeader(file, file.length);
        int format = law == Law.PCMA ? WavReader.FORMAT_ALAW : WavReader.FORMAT_MULAW;
        at = writeFmt(file, at, format, Law.CLOCK_RATE, 8, 18);
        at = writeChunkHeader(file, at, "fact", 4);
        at = writeInt(file, at, encoded.length); // number of samples
        at = writeChunkHeader(file, at, "data", encoded.length);
        System.arraycopy(encoded, 0, file, at, encoded.length);
        return file;
    }

    private static int writeRiffHeader(byte[] file, int fileLength) {
        int at = writeAscii(file, 0, "RIFF");
        at = writeInt(file, at, fileLength - 8);
        return writeAscii(file, at, "WAVE");
    }

    /** Writes a mono fmt chunk; a size of 18 adds the empty cbSize field non-PCM formats have. */
    private static int writeFmt(byte[] file, int at, int format, int sampleRate, int bits, int size) {
        at = writeChunkHeader(file, at, "fmt ", size);
        int blockAlign = bits / 8;
        at = writeShort(file, at, format);
        at = writeShort(file, at, 1);
        at = writeInt(file, at, sampleRate);
        at = writeInt(file, at, sampleRate * blockAlign);
        at = writeShort(file, at, blockAlign);
        at = writeShort(file, at, bits);
        if (size == 18) {
            at = writeShort(file, at, 0);
        }
        return at;
    }

    private static int writeChunkHeader(byte[] file, int at, String id, int size) {
        return writeInt(file, writeAscii(file, at, id), size);
    }

    private static int writeAscii(byte[] file, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            file[at + i] = (byte) text.charAt(i);
        }
        return at + text.length();
    }

    private static int writeShort(byte[] file, int at, int value) {
        file[at] = (byte) value;
        file[at + 1] = (byte) (value >> 8);
        return at + 2;
    }

    private static int writeInt(byte[] file, int at, int value) {
        file[at] = (byte) value;
        file[at + 1] = (byte) (value >> 8);
        file[at + 2] = (byte) (value >> 16);
        file[at + 3] = (byte) (value >> 24);
        return at + 4;
    }
}
