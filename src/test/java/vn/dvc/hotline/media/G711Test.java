package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void silenceEncodesToTheLawsSilenceByte() {
        assertEquals((byte) 0xFF, G711.encodeUlaw(0));
        assertEquals((byte) 0xD5, G711.encodeAlaw(0));
        assertEquals(0, G711.decodeUlaw((byte) 0xFF));
        assertEquals(0, G711.decodeUlaw((byte) 0x7F), "µ-law negative zero");
        assertEquals(8, G711.decodeAlaw((byte) 0xD5), "A-law has no zero: its smallest level is +8");
        assertEquals(-8, G711.decodeAlaw((byte) 0x55));
    }

    @Test
    void ulawDecodeMatchesThePublishedTable() {
        // Values of the G.711 µ-law expansion table as published in G.191 and countless codecs.
        assertEquals(-32124, G711.decodeUlaw((byte) 0x00));
        assertEquals(-31100, G711.decodeUlaw((byte) 0x01));
        assertEquals(-30076, G711.decodeUlaw((byte) 0x02));
        assertEquals(-120, G711.decodeUlaw((byte) 0x70));
        assertEquals(-8, G711.decodeUlaw((byte) 0x7E));
        assertEquals(32124, G711.decodeUlaw((byte) 0x80));
        assertEquals(8, G711.decodeUlaw((byte) 0xFE));
        assertEquals(-1884, G711.decodeUlaw((byte) 0x40));
        assertEquals(1884, G711.decodeUlaw((byte) 0xC0));
    }

    @Test
    void alawDecodeMatchesThePublishedTable() {
        assertEquals(-5504, G711.decodeAlaw((byte) 0x00));
        assertEquals(-5248, G711.decodeAlaw((byte) 0x01));
        assertEquals(-6016, G711.decodeAlaw((byte) 0x02));
        assertEquals(-5760, G711.decodeAlaw((byte) 0x03));
        assertEquals(5504, G711.decodeAlaw((byte) 0x80));
        assertEquals(32256, G711.decodeAlaw((byte) 0xAA));
        assertEquals(-32256, G711.decodeAlaw((byte) 0x2A));
    }

    @Test
    void knownEncodings() {
        assertEquals((byte) 0x80, G711.encodeUlaw(32767));
        assertEquals((byte) 0x00, G711.encodeUlaw(-32768));
        assertEquals((byte) 0x7F, G711.encodeUlaw(-1), "-1 is µ-law negative zero (one's complement)");
        assertEquals((byte) 0xFE, G711.encodeUlaw(8));
        assertEquals((byte) 0xAA, G711.encodeAlaw(32767));
        assertEquals((byte) 0x2A, G711.encodeAlaw(-32768));
        assertEquals((byte) 0x55, G711.encodeAlaw(-1));
        assertEquals((byte) 0xD5, G711.encodeAlaw(15), "the first A-law interval is 16 wide");
        assertEquals((byte) 0xD4, G711.encodeAlaw(16));
    }

    @Test
    void onlyTheLow16BitsOfTheArgumentCount() {
        assertEquals(G711.encodeUlaw((short) 70000), G711.encodeUlaw(70000));
        assertEquals(G711.encodeAlaw((short) -40000), G711.encodeAlaw(-40000));
    }

    @Test
    void everyCodeDecodesAndReencodesToItself() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            byte expectedUlaw = b == 0x7F ? (byte) 0xFF : code; // negative zero re-encodes as +0
            assertEquals(expectedUlaw, G711.encodeUlaw(G711.decodeUlaw(code)), "µ-law code " + b);
            assertEquals(code, G711.encodeAlaw(G711.decodeAlaw(code)), "A-law code " + b);
        }
    }

    @Test
    void everyCodeIsReachedByTheEncoders() {
        Set<Byte> ulaw = new HashSet<>();
        Set<Byte> alaw = new HashSet<>();
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            ulaw.add(G711.encodeUlaw(s));
            alaw.add(G711.encodeAlaw(s));
        }
        assertEquals(256, ulaw.size());
        assertEquals(256, alaw.size());
        assertEquals(1 << 14, G711.ULAW_ENCODE_TABLE_SIZE);
        assertEquals(1 << 13, G711.ALAW_ENCODE_TABLE_SIZE);
    }

    @Test
    void roundTripStaysWithinHalfAQuantisationStep() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int magnitude = Math.abs(s);
            int ulawError = Math.abs(G711.decodeUlaw(G711.encodeUlaw(s)) - s);
            int alawError = Math.abs(G711.decodeAlaw(G711.encodeAlaw(s)) - s);
            // Half the widest step of the segment holding s, plus what clipping beyond the top costs.
            assertTrue(ulawError <= halfStepUlaw(magnitude), "µ-law " + s + " error " + ulawError);
            assertTrue(alawError <= halfStepAlaw(magnitude), "A-law " + s + " error " + alawError);
        }
        assertEquals(643, Math.abs(G711.decodeUlaw(G711.encodeUlaw(32767)) - 32767), "µ-law clips at 32124+");
    }

    private static int halfStepUlaw(int magnitude) {
        if (magnitude > 32124) {
            return magnitude - 32124;
        }
        // Segment e covers [(128 << e) - 132, (256 << e) - 132) with steps of 8 << e (16-bit units),
        // plus up to 4 for the two low bits µ-law ignores.
        int e = 0;
        while (e < 7 && magnitude >= (256 << e) - 132) {
            e++;
        }
        return (4 << e) + 4;
    }

    private static int halfStepAlaw(int magnitude) {
        if (magnitude > 32256) {
            return magnitude - 32256;
        }
        // Segments 0 and 1 have steps of 16; segment e >= 1 covers [256 << (e - 1), 512 << (e - 1)).
        int e = 1;
        while (e < 7 && magnitude >= (512 << (e - 1))) {
            e++;
        }
        return 8 << (e - 1);
    }

    @Test
    void decodedValuesAreMonotonicInTheInput() {
        int previousU = Integer.MIN_VALUE;
        int previousA = Integer.MIN_VALUE;
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int u = G711.decodeUlaw(G711.encodeUlaw(s));
            int a = G711.decodeAlaw(G711.encodeAlaw(s));
            assertTrue(u >= previousU, "µ-law not monotonic at " + s);
            assertTrue(a >= previousA, "A-law not monotonic at " + s);
            previousU = u;
            previousA = a;
        }
    }

    @Test
    void sineSurvivesWithTollQualitySignalToNoise() {
        // G.711 gives about 38 dB SQNR over a wide range of levels; a 1 kHz tone at -10 dBm0 shows it.
        double amplitude = 22700 * Math.pow(10, -10 / 20.0);
        double signal = 0;
        double noiseU = 0;
        double noiseA = 0;
        for (int n = 0; n < 8000; n++) {
            short s = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 1000.3 * n / 8000));
            signal += (double) s * s;
            double eu = G711.decodeUlaw(G711.encodeUlaw(s)) - s;
            double ea = G711.decodeAlaw(G711.encodeAlaw(s)) - s;
            noiseU += eu * eu;
            noiseA += ea * ea;
        }
        assertTrue(10 * Math.log10(signal / noiseU) > 35, "µ-law SQNR");
        assertTrue(10 * Math.log10(signal / noiseA) > 35, "A-law SQNR");
    }

    @Test
    void transcodingGoesThroughTheLinearValue() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            assertEquals(G711.encodeAlaw(G711.decodeUlaw(code)), G711.ulawToAlaw(code));
            assertEquals(G711.encodeUlaw(G711.decodeAlaw(code)), G711.alawToUlaw(code));
            int linear = G711.decodeUlaw(code);
            int viaAlaw = G711.decodeAlaw(G711.ulawToAlaw(code));
            assertTrue(Math.abs(viaAlaw - linear) <= halfStepAlaw(Math.abs(linear)), "µ-law code " + b);
        }
        assertEquals(G711.ALAW_SILENCE, G711.ulawToAlaw(G711.ULAW_SILENCE));
        assertEquals((byte) 0xFE, G711.alawToUlaw(G711.ALAW_SILENCE), "A-law silence is +8, µ-law's +8");
    }

    @Test
    void bulkCodecsMatchTheSingleSampleOnesAndCheckRanges() {
        short[] pcm = {0, 1, -1, 1000, -1000, 32767, -32768, 12345};
        byte[] u = new byte[pcm.length + 2];
        byte[] a = new byte[pcm.length + 2];
        G711.encodeUlaw(pcm, 0, u, 2, pcm.length);
        G711.encodeAlaw(pcm, 0, a, 2, pcm.length);
        short[] back = new short[pcm.length];
        G711.decodeUlaw(u, 2, back, 0, pcm.length);
        for (int i = 0; i < pcm.length; i++) {
            assertEquals(G711.encodeUlaw(pcm[i]), u[i + 2]);
            assertEquals(G711.encodeAlaw(pcm[i]), a[i + 2]);
            assertEquals(G711.decodeUlaw(u[i + 2]), back[i]);
        }
        G711.decodeAlaw(a, 2, back, 0, pcm.length);
        assertEquals(G711.decodeAlaw(a[2]), back[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> G711.encodeUlaw(pcm, 0, u, 3, pcm.length));
        assertThrows(IndexOutOfBoundsException.class, () -> G711.decodeAlaw(a, -1, back, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> G711.decodeUlaw(u, 0, back, 0, -1));
    }
}
