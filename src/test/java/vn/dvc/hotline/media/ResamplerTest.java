package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

    private static short[] tone(int rate, double frequency, double amplitude, int length) {
        short[] samples = new short[length];
        for (int n = 0; n < length; n++) {
            samples[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * n / rate + 0.3));
        }
        return samples;
    }

    /** RMS of the middle of a signal, away from the edges where the filter sees the implied silence. */
    private static double middleRms(short[] samples) {
        int from = samples.length / 5;
        int to = samples.length - from;
        double sum = 0;
        for (int n = from; n < to; n++) {
            sum += (double) samples[n] * samples[n];
        }
        return Math.sqrt(sum / (to - from));
    }

    private static double gainDb(int inputRate, double frequency) {
        short[] in = tone(inputRate, frequency, 10000, inputRate); // one second
        short[] out = new Resampler(inputRate, 8000).resample(in);
        return 20 * Math.log10(middleRms(out) / middleRms(in));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {11025, 16000, 22050, 44100, 48000, 32000, 12000})
    void keepsTheLevelOfTelephoneBandTones(int inputRate) {
        for (double frequency : new double[] {300, 1000, 2000, 3000}) {
            double gain = gainDb(inputRate, frequency);
            assertTrue(Math.abs(gain) < 0.1, inputRate + " Hz input, " + frequency + " Hz tone: " + gain + " dB");
        }
    }

    @ParameterizedTest(name = "{1} Hz tone from {0} Hz")
    @CsvSource({
        "22050, 4500, 40", "22050, 5000, 60", "22050, 6000, 60", "22050, 9000, 60", "22050, 10000, 60",
        "44100, 5000, 60", "44100, 6000, 60", "44100, 15000, 60",
        "48000, 6000, 60", "16000, 5000, 60", "16000, 7000, 60", "11025, 5000, 60",
    })
    void attenuatesWhatWouldAliasIntoTheTelephoneBand(int inputRate, double frequency, double minimumDb) {
        double gain = gainDb(inputRate, frequency);
        assertTrue(gain < -minimumDb, frequency + " Hz from " + inputRate + " Hz: only " + gain + " dB");
    }

    @Test
    void aToneAtTheBandEdgeIsHalfWay() {
        double gain = gainDb(22050, 3600);
        assertTrue(gain > -7 && gain < -5, "-6 dB at the cut-off, was " + gain);
    }

    @ParameterizedTest(name = "{0} samples at {1} Hz")
    @CsvSource({
        "22050, 22050, 8000", "22051, 22050, 8001", "44100, 44100, 8000", "48000, 48000, 8000",
        "16000, 16000, 8000", "11025, 11025, 8000", "1, 22050, 1", "0, 22050, 0", "3, 16000, 2",
        "6000, 6000, 8000", "1, 6000, 2",
    })
    void outputLengthMatchesTheDuration(int inputLength, int inputRate, int expectedLength) {
        assertEquals(expectedLength, new Resampler(inputRate, 8000).resample(new short[inputLength]).length);
    }

    @Test
    void sameRateIsACopy() {
        short[] in = {1, 2, 3};
        short[] out = new Resampler(8000, 8000).resample(in);
        assertArrayEquals(in, out);
        assertNotSame(in, out);
    }

    @Test
    void dcGainIsExactlyOne() {
        short[] in = new short[22050];
        Arrays.fill(in, (short) 1000);
        short[] out = new Resampler(22050, 8000).resample(in);
        for (int n = 200; n < out.length - 200; n++) {
            assertEquals(1000, out[n], "sample " + n);
        }
    }

    @Test
    void keepsTimingAndPhase() {
        // A click at input sample 2205 (0.1 s) must come out at output sample 800 (0.1 s).
        short[] in = new short[4410];
        in[2205] = 20000;
        short[] out = new Resampler(22050, 8000).resample(in);
        int peak = 0;
        for (int n = 1; n < out.length; n++) {
            if (Math.abs(out[n]) > Math.abs(out[peak])) {
                peak = n;
            }
        }
        assertEquals(800, peak);
    }

    @Test
    void upsamplingKeepsTheToneAndAddsNoImage() {
        short[] in = tone(6000, 1000, 10000, 6000);
        short[] out = new Resampler(6000, 8000).resample(in);
        assertEquals(8000, out.length);
        double gain = 20 * Math.log10(middleRms(out) / middleRms(in));
        assertTrue(Math.abs(gain) < 0.1, "gain " + gain);
        // The output should be a clean 1 kHz tone: compare with an ideal one.
        short[] ideal = tone(8000, 1000, 10000, 8000);
        double error = 0;
        for (int n = 1600; n < 6400; n++) {
            error += Math.pow(out[n] - ideal[n], 2);
        }
        double errorDb = 10 * Math.log10(error / 4800 / Math.pow(middleRms(ideal), 2));
        assertTrue(errorDb < -60, "residual " + errorDb + " dB");
    }

    @Test
    void clipsInsteadOfWrappingAround() {
        short[] square = new short[22050];
        for (int n = 0; n < square.length; n++) {
            square[n] = (n / 50) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] out = new Resampler(22050, 8000).resample(square);
        // Gibbs overshoot must saturate: within each half period the sign never flips.
        for (int n = 100; n < out.length - 100; n++) {
            double inputPosition = n * 22050.0 / 8000;
            int half = (int) (inputPosition / 50);
            double intoHalf = inputPosition - half * 50;
            if (intoHalf > 10 && intoHalf < 40) {
                assertEquals(half % 2 == 0, out[n] > 0, "sample " + n);
            }
        }
    }

    @Test
    void narrowbandConvenienceKeepsTheAudio() {
        PcmAudio in = new PcmAudio(tone(22050, 1000, 8000, 22050), 22050);
        PcmAudio out = Resampler.toNarrowband(in);
        assertEquals(8000, out.sampleRate());
        assertEquals(8000, out.length());
        assertEquals(1000, out.durationMillis());
        assertEquals(in.durationMillis(), out.durationMillis());
    }

    @Test
    void besselSeriesMatchesKnownValues() {
        assertEquals(1.0, Resampler.besselI0(0), 1e-15);
        assertEquals(1.2660658777520082, Resampler.besselI0(1), 1e-14);
        assertEquals(27.239871823604442, Resampler.besselI0(5), 1e-11);
    }

    @Test
    void validatesArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 8000));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(22050, -1));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(22050, 8000).resample(null));
        assertThrows(IllegalArgumentException.class, () -> Resampler.toNarrowband(null));
    }
}
