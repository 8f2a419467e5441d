package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;

/**
 * In-band DTMF detection for one call's received audio (8 kHz, 20 ms frames of 160 samples), for trunks
 * that neither negotiate RFC 4733 nor send SIP INFO.
 *
 * <p>Each frame runs the Goertzel recurrence at the eight DTMF frequencies (rows 697, 770, 852, 941 Hz;
 * columns 1209, 1336, 1477, 1633 Hz) and accepts the strongest row and strongest column as a key only if
 * all of these hold:
 * <ul>
 *   <li>each tone is at least {@value #MIN_TONE_LEVEL_DBM0} dBm0;</li>
 *   <li>twist: the column tone is at most {@value #MAX_NORMAL_TWIST_DB} dB weaker than the row tone
 *       (normal twist, as lines lose more at high frequencies) or at most {@value #MAX_REVERSE_TWIST_DB} dB
 *       stronger (reverse twist);</li>
 *   <li>each tone is at least {@value #MIN_RELATIVE_PEAK_DB} dB above the other three of its group, which
 *       rejects the harmonic-rich spectra of speech and music;</li>
 *   <li>the two tones carry at least {@value #MIN_TONE_ENERGY_FRACTION} of the frame's energy, which rejects
 *       noise and speech that happen to have energy at both frequencies.</li>
 * </ul>
 * A key is reported once, when it has been seen on {@value #FRAMES_TO_CONFIRM} consecutive frames (40 ms);
 * it must then disappear for at least one frame before the same key counts again. While it is held, a
 * frame continues it if the same row and column stand out with level and energy share within
 * {@link #SUSTAIN_FACTOR} of the thresholds, so that a press hovering at a limit is not counted twice.
 * A frame less than about 90 % covered by a tone fails the energy share and counts as a gap, so a press
 * must last about 60 ms to be sure of two whole frames whatever its alignment (keypads send 70 ms or more).
 *
 * <p>With 160-sample frames a Goertzel bin is 50 Hz wide: keys whose frequencies deviate by the
 * ±1.5 % that Q.24 asks to accept are detected, but frequency deviations are not rejected as tightly as
 * a longer window would allow. Anything else in the frame counts against the energy share, including the
 * echo of our own prompt: a key pressed over an echo within about 10 dB of it is missed.
 *
 * <p>Thread model: not thread-safe; owned by one call's event loop. The coefficients are computed once
 * per class and the work buffer once per instance: processing a frame allocates nothing.
 */
public final class GoertzelDtmfDetector {

    /** Samples per frame (20 ms at 8 kHz). */
    public static final int FRAME_SAMPLES = 160;
    /** Weakest tone accepted, per tone. */
    public static final double MIN_TONE_LEVEL_DBM0 = -30;
    /** Column tone weaker than the row tone by at most this much. */
    public static final double MAX_NORMAL_TWIST_DB = 8;
    /** Column tone stronger than the row tone by at most this much. */
    public static final double MAX_REVERSE_TWIST_DB = 4;
    /** Each tone must exceed the others of its group by this much. */
    public static final double MIN_RELATIVE_PEAK_DB = 6;
    /**
     * Share of the frame's energy the two tones must carry. High because voiced speech with narrow formants
     * can put three quarters of a frame's energy into two harmonics near a row and a column; DTMF with
     * 20 dB SNR carries 99 %.
     */
    public static final double MIN_TONE_ENERGY_FRACTION = 0.9;
    /** Consecutive frames that must show the same key before it is reported. */
    public static final int FRAMES_TO_CONFIRM = 2;
    /** While a key is held, level and energy-share thresholds are relaxed by this factor (3 dB). */
    public static final double SUSTAIN_FACTOR = 0.5;

    private static final int SAMPLE_RATE = 8000;
    private static final double[] FREQUENCIES = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final char[][] KEYS = {
        {'1', '2', '3', 'A'},
        {'4', '5', '6', 'B'},
        {'7', '8', '9', 'C'},
        {'*', '0', '#', 'D'},
    };
    /** 2 cos(2 pi f / fs) per frequency: the Goertzel feedback coefficient. */
    private static final double[] COEFFICIENTS = new double[FREQUENCIES.length];
    /** Largest frequency deviation Q.24 asks a receiver to accept. */
    static final double FREQUENCY_TOLERANCE = 0.015;
    /** Relative detunings, within the tolerance, at which a peak tone is measured again. */
    private static final double[] DETUNINGS = {
        -FREQUENCY_TOLERANCE, -FREQUENCY_TOLERANCE / 2, FREQUENCY_TOLERANCE / 2, FREQUENCY_TOLERANCE,
    };
    /** Coefficients at f * (1 + detuning), per frequency and detuning. */
    private static final double[][] DETUNED_COEFFICIENTS = new double[FREQUENCIES.length][DETUNINGS.length];
    /**
     * Peak amplitude of a 0 dBm0 sine, as a fraction of 16-bit full scale: G.711 µ-law's full-scale sine is
     * +3.17 dBm0 (G.711), so 0 dBm0 peaks at 32768 / 10^(3.17/20), about 22700.
     */
    static final double PEAK_AT_0_DBM0 = 1 / Math.pow(10, 3.17 / 20);

    private static final double MIN_TONE_ENERGY = toneEnergy(MIN_TONE_LEVEL_DBM0);
    private static final double NORMAL_TWIST = Math.pow(10, MAX_NORMAL_TWIST_DB / 10);
    private static final double REVERSE_TWIST = Math.pow(10, MAX_REVERSE_TWIST_DB / 10);
    private static final double RELATIVE_PEAK = Math.pow(10, MIN_RELATIVE_PEAK_DB / 10);

    static {
        for (int k = 0; k < FREQUENCIES.length; k++) {
            COEFFICIENTS[k] = coefficient(FREQUENCIES[k]);
            for (int d = 0; d < DETUNINGS.length; d++) {
                DETUNED_COEFFICIENTS[k][d] = coefficient(FREQUENCIES[k] * (1 + DETUNINGS[d]));
            }
        }
    }

    private final double[] samples = new double[FRAME_SAMPLES];
    private final double[] toneEnergies = new double[FREQUENCIES.length];
    /** The key reported and not yet released, or NONE. */
    private char heldKey = DtmfEvent.NONE;
    /** The key seen on the last frames but not yet reported, or NONE. */
    private char candidateKey = DtmfEvent.NONE;
    private int candidateFrames;
    private int frameRow;
    private int frameColumn;
    private double frameEnergy;
    private double rowEnergy;
    private double columnEnergy;

    /**
     * Processes one frame of linear samples.
     *
     * @return the key if this frame confirms a new press, else {@link DtmfEvent#NONE}
     * @throws IndexOutOfBoundsException if fewer than 160 samples follow {@code offset}
     */
    public char processFrame(short[] pcm, int offset) {
        checkFrame(pcm.length, offset);
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            samples[i] = pcm[offset + i] * (1.0 / 32768);
        }
        return afterFrameLoaded();
    }

    /**
     * Processes one frame of G.711 bytes.
     *
     * @throws IndexOutOfBoundsException if fewer than 160 bytes follow {@code offset}
     */
    public char processFrame(byte[] encoded, int offset, Law law) {
        checkFrame(encoded.length, offset);
        checkLaw(law);
        if (law == Law.PCMU) {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                samples[i] = G711.decodeUlaw(encoded[offset + i]) * (1.0 / 32768);
            }
        } else {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                samples[i] = G711.decodeAlaw(encoded[offset + i]) * (1.0 / 32768);
            }
        }
        return afterFrameLoaded();
    }

    /**
     * Processes one frame of G.711 bytes at absolute {@code index} of {@code buf} (an RTP payload).
     *
     * @throws IndexOutOfBoundsException if fewer than 160 bytes follow {@code index} before the writer index
     */
    public char processFrame(ByteBuf buf, int index, Law law) {
        checkFrame(buf.writerIndex(), index);
        checkLaw(law);
        if (law == Law.PCMU) {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                samples[i] = G711.decodeUlaw(buf.getByte(index + i)) * (1.0 / 32768);
            }
        } else {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                samples[i] = G711.decodeAlaw(buf.getByte(index + i)) * (1.0 / 32768);
            }
        }
        return afterFrameLoaded();
    }

    /** Forgets any key in progress (after a gap in the stream, or when the call's media restarts). */
    public void reset() {
        heldKey = DtmfEvent.NONE;
        candidateKey = DtmfEvent.NONE;
        candidateFrames = 0;
    }

    private char afterFrameLoaded() {
        char key = classifyFrame();
        if (heldKey != DtmfEvent.NONE) {
            if (key == heldKey || sustainsHeldKey()) {
                return DtmfEvent.NONE;
            }
            heldKey = DtmfEvent.NONE; // released: this frame may start the next press
        }
        if (key != DtmfEvent.NONE && key == candidateKey) {
            candidateFrames++;
        } else {
            candidateKey = key;
            candidateFrames = key == DtmfEvent.NONE ? 0 : 1;
        }
        if (candidateFrames >= FRAMES_TO_CONFIRM) {
            heldKey = key;
            candidateKey = DtmfEvent.NONE;
            candidateFrames = 0;
            return key;
        }
        return DtmfEvent.NONE;
    }

    /**
     * The key this frame shows by all criteria, or {@link DtmfEvent#NONE}. Leaves the strongest row and
     * column (or -1 for a frame too quiet to hold two tones) and their energies for
     * {@link #sustainsHeldKey()}.
     */
    private char classifyFrame() {
        frameRow = -1;
        frameColumn = -1;
        double energy = 0;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            energy += samples[i] * samples[i];
        }
        frameEnergy = energy;
        if (energy < 2 * SUSTAIN_FACTOR * MIN_TONE_ENERGY) {
            return DtmfEvent.NONE; // too quiet for two tones: skip the filters (the common case, silence)
        }
        for (int k = 0; k < FREQUENCIES.length; k++) {
            toneEnergies[k] = goertzelEnergy(COEFFICIENTS[k]);
        }
        int row = strongest(0);
        int column = strongest(4);
        if (toneEnergies[row] < SUSTAIN_FACTOR * MIN_TONE_ENERGY / 4
                || toneEnergies[column] < SUSTAIN_FACTOR * MIN_TONE_ENERGY / 4) {
            return DtmfEvent.NONE; // even a tone detuned to the tolerance would lose less than 6 dB here
        }
        frameRow = row;
        frameColumn = column;
        rowEnergy = detunedPeakEnergy(row);
        columnEnergy = detunedPeakEnergy(column);
        if (rowEnergy < MIN_TONE_ENERGY || columnEnergy < MIN_TONE_ENERGY) {
            return DtmfEvent.NONE;
        }
        if (columnEnergy * NORMAL_TWIST < rowEnergy || columnEnergy > rowEnergy * REVERSE_TWIST) {
            return DtmfEvent.NONE;
        }
        if (!standsOut(row, 0) || !standsOut(column, 4)) {
            return DtmfEvent.NONE;
        }
        if (rowEnergy + columnEnergy < MIN_TONE_ENERGY_FRACTION * energy) {
            return DtmfEvent.NONE;
        }
        return KEYS[row][column - 4];
    }

    /**
     * The energy of tone {@code k} measured at its nominal frequency and at the detunings, whichever reads
     * highest. A 50 Hz-wide bin under-reads a tone off by the 1.5 % tolerance (by about 4 dB at 1633 Hz),
     * which would fail the energy share of a valid key; four more filters on the two peaks only, run on
     * loud frames only, bound that loss to about 0.2 dB.
     */
    private double detunedPeakEnergy(int k) {
        double best = toneEnergies[k];
        for (int d = 0; d < DETUNINGS.length; d++) {
            best = Math.max(best, goertzelEnergy(DETUNED_COEFFICIENTS[k][d]));
        }
        return best;
    }

    /** The Goertzel recurrence over the loaded frame: |X(f)|^2 * 2 / N, the energy a sine at f adds. */
    private double goertzelEnergy(double coefficient) {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * (2.0 / FRAME_SAMPLES);
    }

    /**
     * Whether a frame that failed the full criteria still continues the held key: same row and column
     * peaks, each tone and their share of the energy within {@link #SUSTAIN_FACTOR} of the thresholds.
     * This hysteresis keeps a press that hovers at a limit (twist, level) from being counted twice.
     */
    private boolean sustainsHeldKey() {
        if (frameRow < 0 || KEYS[frameRow][frameColumn - 4] != heldKey) {
            return false;
        }
        double minimum = SUSTAIN_FACTOR * MIN_TONE_ENERGY;
        return rowEnergy >= minimum && columnEnergy >= minimum
                && rowEnergy + columnEnergy >= SUSTAIN_FACTOR * MIN_TONE_ENERGY_FRACTION * frameEnergy;
    }

    private int strongest(int first) {
        int best = first;
        for (int k = first + 1; k < first + 4; k++) {
            if (toneEnergies[k] > toneEnergies[best]) {
                best = k;
            }
        }
        return best;
    }

    private boolean standsOut(int peak, int first) {
        for (int k = first; k < first + 4; k++) {
            if (k != peak && toneEnergies[k] * RELATIVE_PEAK > toneEnergies[peak]) {
                return false;
            }
        }
        return true;
    }

    private static double coefficient(double frequency) {
        return 2 * Math.cos(2 * Math.PI * frequency / SAMPLE_RATE);
    }

    private static void checkLaw(Law law) {
        if (law == null) {
            throw new IllegalArgumentException("law must not be null");
        }
    }

    private static void checkFrame(int length, int offset) {
        if (offset < 0 || offset > length - FRAME_SAMPLES) {
            throw new IndexOutOfBoundsException("a frame of " + FRAME_SAMPLES + " at " + offset
                    + " does not fit in " + length);
        }
    }

    /** Energy over one frame of a sine at {@code dBm0}, in units of (full scale)^2. */
    private static double toneEnergy(double dbm0) {
        double peak = PEAK_AT_0_DBM0 * Math.pow(10, dbm0 / 20);
        return FRAME_SAMPLES * peak * peak / 2;
    }
}
