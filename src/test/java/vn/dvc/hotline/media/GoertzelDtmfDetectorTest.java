package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoertzelDtmfDetectorTest {

    private static final int RATE = 8000;
    private static final String KEYS = "0123456789*#ABCD";
    /** Peak of a 0 dBm0 sine in 16-bit units: µ-law full scale (32768 here) is +3.17 dBm0. */
    private static final double PEAK_0_DBM0 = 32768 / Math.pow(10, 3.17 / 20);

    private static double rowOf(char key) {
        return new double[] {697, 770, 852, 941}["123A456B789C*0#D".indexOf(key) / 4];
    }

    private static double columnOf(char key) {
        return new double[] {1209, 1336, 1477, 1633}["123A456B789C*0#D".indexOf(key) % 4];
    }

    private static double amplitude(double dbm0) {
        return PEAK_0_DBM0 * Math.pow(10, dbm0 / 20);
    }

    /** Appends audio to a growing buffer of doubles (16-bit scale), then quantises. */
    private static final class Signal {
        private double[] samples = new double[0];
        private int length;
        private final Random random;

        Signal(long seed) {
            random = new Random(seed);
        }

        Signal silence(int millis) {
            grow(millis * RATE / 1000);
            return this;
        }

        Signal samplesOfSilence(int count) {
            grow(count);
            return this;
        }

        Signal tones(int millis, double f1, double dbm0First, double f2, double dbm0Second) {
            int start = length;
            int count = millis * RATE / 1000;
            grow(count);
            double a1 = amplitude(dbm0First);
            double a2 = amplitude(dbm0Second);
            double p1 = random.nextDouble() * 2 * Math.PI;
            double p2 = random.nextDouble() * 2 * Math.PI;
            for (int n = 0; n < count; n++) {
                samples[start + n] += a1 * Math.sin(2 * Math.PI * f1 * n / RATE + p1)
                        + a2 * Math.sin(2 * Math.PI * f2 * n / RATE + p2);
            }
            return this;
        }

        Signal key(char key, int millis, double dbm0) {
            return tones(millis, rowOf(key), dbm0, columnOf(key), dbm0);
        }

        /** White Gaussian noise over everything so far, at the given RMS in 16-bit units. */
        Signal noise(double rms) {
            for (int n = 0; n < length; n++) {
                samples[n] += rms * random.nextGaussian();
            }
            return this;
        }

        private void grow(int count) {
            if (length + count > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(2 * samples.length, length + count + RATE));
            }
            length += count;
        }

        /** Quantised to 16 bits and padded with silence to whole frames. */
        short[] pcm() {
            int frames = (length + 159) / 160;
            short[] pcm = new short[frames * 160];
            for (int n = 0; n < length; n++) {
                pcm[n] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[n])));
            }
            return pcm;
        }

        byte[] encoded(Law law) {
            short[] pcm = pcm();
            byte[] out = new byte[pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                out[i] = law.encode(pcm[i]);
            }
            return out;
        }
    }

    private static String detect(short[] pcm) {
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        StringBuilder keys = new StringBuilder();
        for (int offset = 0; offset + 160 <= pcm.length; offset += 160) {
            char key = detector.processFrame(pcm, offset);
            if (key != DtmfEvent.NONE) {
                keys.append(key);
            }
        }
        return keys.toString();
    }

    private static String detect(byte[] encoded, Law law) {
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        StringBuilder keys = new StringBuilder();
        for (int offset = 0; offset + 160 <= encoded.length; offset += 160) {
            char key = detector.processFrame(encoded, offset, law);
            if (key != DtmfEvent.NONE) {
                keys.append(key);
            }
        }
        return keys.toString();
    }

    @ParameterizedTest(name = "{0} at {1} dBm0 per tone")
    @CsvSource({"PCMU, -3", "PCMU, -10", "PCMU, -18", "PCMU, -25", "PCMA, -3", "PCMA, -10", "PCMA, -18", "PCMA, -25"})
    void detectsEveryKeyAtEveryLevelThroughG711WithNoiseAt20dBSnr(Law law, double dbm0) {
        Signal signal = new Signal(7 + (long) dbm0);
        Random offsets = new Random(11);
        for (char key : KEYS.toCharArray()) {
            // Start anywhere within a frame: presses are not aligned with our packets.
            signal.samplesOfSilence(offsets.nextInt(160)).silence(100).key(key, 100, dbm0).silence(60);
        }
        double twoTonePower = amplitude(dbm0) * amplitude(dbm0); // two sines of power a^2 / 2 each
        signal.noise(Math.sqrt(twoTonePower / 100));
        assertEquals(KEYS, detect(signal.encoded(law), law));
    }

    @ParameterizedTest
    @EnumSource(Law.class)
    void linearAndEncodedInputAgree(Law law) {
        Signal signal = new Signal(3).silence(40).key('7', 120, -12).silence(40).key('#', 80, -20).silence(20);
        assertEquals("7#", detect(signal.pcm()));
        assertEquals("7#", detect(signal.encoded(law), law));
    }

    @Test
    void samePressHeldLongIsReportedOnce() {
        assertEquals("5", detect(new Signal(1).silence(20).key('5', 1500, -10).silence(100).pcm()));
    }

    @Test
    void sameKeyTwiceWithAOneFramePauseIsTwoPresses() {
        // 20 ms of silence aligned to one frame is the shortest gap that separates presses.
        Signal signal = new Signal(2).silence(20).key('5', 100, -10).silence(20).key('5', 100, -10).silence(40);
        assertEquals("55", detect(signal.pcm()));
    }

    @Test
    void sameKeyWithATypicalPauseIsTwoPresses() {
        Signal signal = new Signal(2).silence(20).key('9', 80, -15).silence(80).key('9', 80, -15).silence(40);
        assertEquals("99", detect(signal.pcm()));
    }

    @Test
    void differentKeysBackToBackAreBothReported() {
        assertEquals("12", detect(new Signal(4).silence(20).key('1', 100, -10).key('2', 100, -10).pcm()));
    }

    @Test
    void fortyMillisecondsOnFrameBoundariesIsEnoughTwentyIsNot() {
        assertEquals("3", detect(new Signal(5).silence(20).key('3', 40, -10).silence(40).pcm()));
        assertEquals("", detect(new Signal(5).silence(20).key('3', 20, -10).silence(40).pcm()));
    }

    @ParameterizedTest(name = "column {0} dB relative to row")
    @CsvSource({"0, 1", "-6, 1", "-7.5, 1", "3, 1", "-10, 0", "6, 0"})
    void twistLimits(double columnRelativeDb, int expectedPresses) {
        Signal signal = new Signal(6).silence(20);
        signal.tones(100, 852, -10, 1336, -10 + columnRelativeDb).silence(40);
        assertEquals("8".repeat(expectedPresses), detect(signal.pcm()));
    }

    @ParameterizedTest(name = "{0} dBm0 per tone")
    @CsvSource({"-28, 1", "-35, 0", "-45, 0"})
    void absoluteLevelThreshold(double dbm0, int expectedPresses) {
        assertEquals("D".repeat(expectedPresses), detect(new Signal(8).silence(20).key('D', 100, dbm0).silence(40).pcm()));
    }

    @ParameterizedTest(name = "frequencies scaled by {0}")
    @ValueSource(doubles = {0.985, 0.9925, 1.0075, 1.015})
    void acceptsTheFrequencyToleranceOfQ24(double factor) {
        Signal signal = new Signal(9).silence(20);
        for (char key : KEYS.toCharArray()) {
            signal.tones(100, rowOf(key) * factor, -15, columnOf(key) * factor, -15).silence(60);
        }
        assertEquals(KEYS, detect(signal.pcm()));
    }

    @ParameterizedTest
    @EnumSource(Law.class)
    void silenceIsNothing(Law law) {
        byte[] silence = new byte[160 * 500];
        Arrays.fill(silence, law.silence());
        assertEquals("", detect(silence, law));
        assertEquals("", detect(new short[160 * 500]));
    }

    @Test
    void singleTonesAreNothing() {
        for (double f : new double[] {697, 770, 852, 941, 1209, 1336, 1477, 1633, 1000, 2100}) {
            for (double dbm0 : new double[] {-3, -15, -25}) {
                Signal signal = new Signal(10).tones(1000, f, dbm0, 1000, -200);
                assertEquals("", detect(signal.pcm()), f + " Hz at " + dbm0 + " dBm0");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-5, -10, -20, -30})
    void whiteNoiseIsNothing(double dbm0) {
        // RMS of a sine at dbm0 is amplitude / sqrt 2; the noise gets the same power.
        Signal signal = new Signal(12).silence(20_000).noise(amplitude(dbm0) / Math.sqrt(2));
        assertEquals("", detect(signal.encoded(Law.PCMU), Law.PCMU));
    }

    @Test
    void nonDtmfTonePairsAreNothing() {
        Signal signal = new Signal(13)
                .tones(500, 1000, -10, 1500, -10)      // neither frequency is DTMF
                .tones(500, 697, -10, 1000, -10)       // only the row is
                .tones(500, 697, -10, 770, -10)        // two rows
                .tones(500, 1209, -10, 1633, -10)      // two columns
                .tones(500, 350, -13, 440, -13)        // dial tone
                .tones(500, 425, -10, 1000, -200);     // Vietnamese / European dial tone
        assertEquals("", detect(signal.pcm()));
    }

    @Test
    void harshlyTonalSpeechRarelyTalksOff() {
        // Narrow formants and a flat source put most of a frame's energy in two harmonics, which is as
        // close to a DTMF pair as voiced speech gets; five minutes of it may fool the detector only rarely.
        int falseKeys = 0;
        for (long seed = 100; seed < 110; seed++) {
            falseKeys += detect(speechLike(30, seed, true)).length();
        }
        assertTrue(falseKeys <= 3, falseKeys + " false keys in five minutes");
    }

    @Test
    void speechLikeSignalIsNothing() {
        assertEquals("", detect(speechLike(30, 14)));
    }

    @Test
    void speechLikeSignalDoesNotHideARealKey() {
        short[] speech = speechLike(2, 15);
        short[] key = new Signal(16).silence(40).key('6', 120, -10).silence(40).pcm();
        short[] both = Arrays.copyOf(speech, speech.length + key.length);
        System.arraycopy(key, 0, both, speech.length, key.length);
        assertEquals("6", detect(both));
    }

    /**
     * Voiced "speech": a glottal-like harmonic series on a pitch gliding between 120 and 200 Hz, shaped by
     * the formants of a changing vowel, at about -15 dBm0. Vowels like /a/ put formants near the DTMF row
     * and column bands, which is the classic talk-off risk.
     */
    private static short[] speechLike(int seconds, long seed) {
        return speechLike(seconds, seed, false);
    }

    private static short[] speechLike(int seconds, long seed, boolean sharp) {
        Random random = new Random(seed);
        double[][] vowels = {
            {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
            {570, 840, 2410}, {660, 1720, 2410}, {780, 1330, 2500}, {700, 1220, 2600},
        };
        int total = seconds * RATE;
        short[] pcm = new short[(total + 159) / 160 * 160];
        double phase = 0;
        double[] vowel = vowels[0];
        double peak = amplitude(-15);
        for (int n = 0; n < total; n++) {
            if (n % 2400 == 0) {
                vowel = vowels[random.nextInt(vowels.length)]; // a new vowel every 300 ms
            }
            double t = (double) n / RATE;
            double f0 = 160 + 40 * Math.sin(2 * Math.PI * 0.7 * t + 0.3 * Math.sin(2 * Math.PI * 0.13 * t));
            phase += 2 * Math.PI * f0 / RATE;
            double value = 0;
            double norm = 0;
            for (int k = 1; k * f0 < 3800; k++) {
                double f = k * f0;
                double gain = sharp ? 1.0 / Math.sqrt(k) : 1.0 / k; // glottal source tilt
                for (double formant : vowel) {
                    double detune = (f - formant) / 60; // 120 Hz bandwidth
                    gain *= sharp ? 1 + 30 / (1 + detune * detune * 4) : 1 + 8 / (1 + detune * detune);
                }
                value += gain * Math.sin(k * phase);
                norm += gain * gain / 2;
            }
            pcm[n] = (short) Math.round(peak / Math.sqrt(2) * value / Math.sqrt(norm));
        }
        return pcm;
    }

    @Test
    void byteBufInputReadsAtTheGivenIndex() {
        byte[] encoded = new Signal(17).silence(20).key('C', 100, -10).silence(40).encoded(Law.PCMA);
        ByteBuf buf = Unpooled.buffer(encoded.length + 12);
        buf.writeZero(12).writeBytes(encoded);
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        StringBuilder keys = new StringBuilder();
        for (int index = 12; index + 160 <= buf.writerIndex(); index += 160) {
            char key = detector.processFrame(buf, index, Law.PCMA);
            if (key != DtmfEvent.NONE) {
                keys.append(key);
            }
        }
        assertEquals("C", keys.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> detector.processFrame(buf, buf.writerIndex() - 159, Law.PCMA));
    }

    @Test
    void resetForgetsAKeyInProgress() {
        short[] pcm = new Signal(18).key('4', 20, -10).pcm();
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        assertEquals(DtmfEvent.NONE, detector.processFrame(pcm, 0));
        detector.reset();
        assertEquals(DtmfEvent.NONE, detector.processFrame(pcm, 0), "needs two frames again after reset");
        assertEquals('4', detector.processFrame(pcm, 0));
    }

    @Test
    void rejectsFramesThatDoNotFit() {
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        assertThrows(IndexOutOfBoundsException.class, () -> detector.processFrame(new short[159], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> detector.processFrame(new short[320], 161));
        assertThrows(IndexOutOfBoundsException.class, () -> detector.processFrame(new byte[160], -1, Law.PCMU));
        assertThrows(IllegalArgumentException.class, () -> detector.processFrame(new byte[160], 0, null));
    }
}
