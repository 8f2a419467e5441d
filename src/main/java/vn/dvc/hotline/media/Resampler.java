package vn.dvc.hotline.media;

/**
 * Converts mono 16-bit PCM between sample rates, typically espeak-ng's 22050 Hz (or an upload's 44.1 or
 * 48 kHz) to the 8000 Hz of G.711.
 *
 * <p>Band-limited interpolation with a Kaiser-windowed sinc: the pass band ends at 0.4 of the lower of the
 * two rates (3200 Hz for 8 kHz output), the -6 dB point is at 0.45 (3600 Hz), and the stop band starts at
 * its Nyquist frequency (4000 Hz) with {@value #STOPBAND_ATTENUATION_DB} dB of attenuation, so nothing
 * above 4 kHz folds back into the telephone band. For an output sample at input position
 * {@code t = n * inputRate / outputRate} the filter is evaluated at the fractional offset of {@code t};
 * as both rates are integers those offsets repeat with period {@code outputRate / gcd}, and the taps of
 * each are computed once per resampler (22050 to 8000 Hz: 160 phases of 141 taps). Each phase is
 * normalised to a gain of exactly 1 at DC.
 *
 * <p>Thread model: immutable, shareable (the tap table is only read after construction). Meant for
 * prompt preparation on a worker thread, not for the event loop.
 */
public final class Resampler {

    /** The G.711 sample rate. */
    public static final int NARROWBAND_RATE = 8000;
    /** Designed stop-band attenuation. */
    public static final double STOPBAND_ATTENUATION_DB = 80;

    /** Above this many taps in all phases, taps are computed per output sample instead of cached. */
    private static final int MAX_TABLE_TAPS = 1 << 20;

    private final int inputRate;
    private final int outputRate;
    /** Output step in units of 1/phases input samples: t(n) = n * step / phases. */
    private final int step;
    private final int phases;
    /** The filter spans offsets -halfWidth..halfWidth input samples around t. */
    private final int halfWidth;
    private final double windowHalfWidth;
    /** Cut-off in cycles per input sample. */
    private final double cutoff;
    private final double beta;
    private final double[][] table;

    /**
     * @param inputRate  rate of the samples given to {@link #resample(short[])}, in Hz, positive
     * @param outputRate rate of the samples it returns, in Hz, positive
     */
    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, were " + inputRate + " and "
                    + outputRate);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        int gcd = gcd(inputRate, outputRate);
        this.phases = outputRate / gcd;
        this.step = inputRate / gcd;
        double band = Math.min(inputRate, outputRate);
        this.cutoff = 0.45 * band / inputRate;
        double transition = 0.1 * band / inputRate; // cycles per input sample
        this.beta = 0.1102 * (STOPBAND_ATTENUATION_DB - 8.7);
        // Kaiser's estimate of the filter length for this attenuation and transition width.
        double length = (STOPBAND_ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * transition);
        this.windowHalfWidth = length / 2;
        this.halfWidth = (int) Math.ceil(windowHalfWidth);
        long tableTaps = (long) phases * (2L * halfWidth + 1);
        if (inputRate == outputRate || tableTaps > MAX_TABLE_TAPS) {
            this.table = null;
        } else {
            this.table = new double[phases][];
            for (int p = 0; p < phases; p++) {
                table[p] = taps(p, new double[2 * halfWidth + 1]);
            }
        }
    }

    /** Resamples {@code audio} to 8000 Hz (a copy if it already is). */
    public static PcmAudio toNarrowband(PcmAudio audio) {
        if (audio == null) {
            throw new IllegalArgumentException("audio must not be null");
        }
        short[] out = new Resampler(audio.sampleRate(), NARROWBAND_RATE).resample(audio.array());
        return PcmAudio.wrap(out, NARROWBAND_RATE);
    }

    /** Input rate in Hz. */
    public int inputRate() {
        return inputRate;
    }

    /** Output rate in Hz. */
    public int outputRate() {
        return outputRate;
    }

    /**
     * Resamples a whole signal, treating what lies outside it as silence. The output has
     * {@code ceil(input.length * outputRate / inputRate)} samples, so its duration matches the input's.
     */
    public short[] resample(short[] input) {
        if (input == null) {
            throw new IllegalArgumentException("input must not be null");
        }
        if (inputRate == outputRate) {
            return input.clone();
        }
        int outputLength = (int) (((long) input.length * phases + step - 1) / step);
        short[] output = new short[outputLength];
        double[] scratch = table == null ? new double[2 * halfWidth + 1] : null;
        for (int n = 0; n < outputLength; n++) {
            long position = (long) n * step;
            int base = (int) (position / phases);
            int phase = (int) (position % phases);
            double[] taps = table != null ? table[phase] : taps(phase, scratch);
            int first = Math.max(0, halfWidth - base);
            int last = Math.min(taps.length - 1, input.length - 1 - base + halfWidth);
            double sum = 0;
            for (int j = first; j <= last; j++) {
                sum += input[base - halfWidth + j] * taps[j];
            }
            long rounded = Math.round(sum);
            output[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
        }
        return output;
    }

    /**
     * Fills {@code taps[j]} with the filter at offset {@code phase / phases - (j - halfWidth)} input samples
     * and normalises their sum to 1.
     */
    private double[] taps(int phase, double[] taps) {
        double fraction = (double) phase / phases;
        double i0Beta = besselI0(beta);
        double sum = 0;
        for (int j = 0; j < taps.length; j++) {
            double t = fraction - (j - halfWidth);
            double value = 0;
            if (Math.abs(t) < windowHalfWidth) {
                double x = t / windowHalfWidth;
                double window = besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
                value = 2 * cutoff * sinc(2 * cutoff * t) * window;
            }
            taps[j] = value;
            sum += value;
        }
        for (int j = 0; j < taps.length; j++) {
            taps[j] /= sum;
        }
        return taps;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        return Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= (halfX / k) * (halfX / k);
            sum += term;
            if (term < sum * 1e-16) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
