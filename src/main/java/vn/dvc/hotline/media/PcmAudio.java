package vn.dvc.hotline.media;

import java.util.Arrays;

/**
 * Mono 16-bit linear PCM at a given sample rate: what the WAV reader produces, the resampler transforms
 * and {@link EncodedClip} encodes.
 *
 * <p>Thread model: immutable, shareable. The public constructor and {@link #samples()} copy the array;
 * classes of this package hand over arrays they created without a copy.
 */
public final class PcmAudio {

    private final short[] samples;
    private final int sampleRate;

    /**
     * @param samples    mono 16-bit samples, copied
     * @param sampleRate samples per second, positive
     */
    public PcmAudio(short[] samples, int sampleRate) {
        this(sampleRate, checkSamples(samples).clone());
    }

    /** Takes {@code samples} as they are; the argument order differs from the copying constructor's. */
    private PcmAudio(int sampleRate, short[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** Takes ownership of an array nobody else holds (no copy). */
    static PcmAudio wrap(short[] samples, int sampleRate) {
        return new PcmAudio(sampleRate, checkSamples(samples));
    }

    private static short[] checkSamples(short[] samples) {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        return samples;
    }

    /** Samples per second. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Sample {@code i}. */
    public short sample(int i) {
        return samples[i];
    }

    /** A copy of the samples. */
    public short[] samples() {
        return samples.clone();
    }

    /** The samples without a copy, for this package's code that only reads them. */
    short[] array() {
        return samples;
    }

    /** Duration in milliseconds, rounded down. */
    public long durationMillis() {
        return (long) samples.length * 1000 / sampleRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcmAudio that && sampleRate == that.sampleRate
                && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
