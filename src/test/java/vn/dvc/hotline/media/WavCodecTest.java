package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WavCodecTest {

    /** Little-endian byte builder for hand-made files. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes ascii(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Bytes u16(int value) {
            out.write(value);
            out.write(value >> 8);
            return this;
        }

        Bytes u32(long value) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (value >> (8 * i)));
            }
            return this;
        }

        Bytes raw(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Bytes riff() {
            return ascii("RIFF").u32(0).ascii("WAVE"); // RIFF size is not trusted by the reader anyway
        }

        Bytes fmt(int format, int channels, int rate, int bits) {
            int blockAlign = channels * bits / 8;
            return ascii("fmt ").u32(16).u16(format).u16(channels).u32(rate).u32((long) rate * blockAlign)
                    .u16(blockAlign).u16(bits);
        }

        Bytes data(long declaredSize) {
            return ascii("data").u32(declaredSize);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static short[] samples(PcmAudio audio) {
        return audio.samples();
    }

    @Test
    void writesACanonicalPcm16File() {
        byte[] file = WavWriter.writePcm16(new PcmAudio(new short[] {1, -2}, 8000));
        assertArrayEquals(ByteBufUtil.decodeHexDump(
                "52494646" + "28000000" + "57415645"           // RIFF, 40, WAVE
                + "666d7420" + "10000000" + "0100" + "0100"     // fmt , 16, PCM, mono
                + "401f0000" + "803e0000" + "0200" + "1000"     // 8000 Hz, 16000 B/s, align 2, 16 bits
                + "64617461" + "04000000" + "0100" + "feff"),   // data, 4, 1, -2
                file);
    }

    @Test
    void writesACanonicalG711FileWithFactChunkAndPad() {
        byte[] file = WavWriter.writeG711(Law.PCMU, new byte[] {(byte) 0xFF, 0x12, 0x34});
        assertArrayEquals(ByteBufUtil.decodeHexDump(
                "52494646" + "36000000" + "57415645"
                + "666d7420" + "12000000" + "0700" + "0100" + "401f0000" + "401f0000" + "0100" + "0800" + "0000"
                + "66616374" + "04000000" + "03000000"
                + "64617461" + "03000000" + "ff1234" + "00"),
                file);
        assertEquals(6, WavWriter.writeG711(Law.PCMA, new byte[0])[20], "A-law is format 6");
    }

    @Test
    void pcm16RoundTripsAtAnyRate() {
        short[] pcm = {0, 1, -1, 32767, -32768, 12345, -12345};
        PcmAudio back = WavReader.read(WavWriter.writePcm16(new PcmAudio(pcm, 22050)));
        assertEquals(22050, back.sampleRate());
        assertArrayEquals(pcm, samples(back));
    }

    @Test
    void g711FilesDecodeThroughTheirLaw() {
        byte[] encoded = new byte[256];
        for (int i = 0; i < 256; i++) {
            encoded[i] = (byte) i;
        }
        for (Law law : Law.values()) {
            PcmAudio audio = WavReader.read(WavWriter.writeG711(law, encoded));
            assertEquals(8000, audio.sampleRate());
            assertEquals(256, audio.length());
            for (int i = 0; i < 256; i++) {
                assertEquals(law.decode((byte) i), audio.sample(i), law + " code " + i);
            }
        }
        PcmAudio odd = WavReader.read(WavWriter.writeG711(Law.PCMA, new byte[] {(byte) 0xD5, (byte) 0xAA, 0x2A}));
        assertArrayEquals(new short[] {8, 32256, -32256}, samples(odd));
    }

    @Test
    void mixesStereoAndMoreChannelsToMono() {
        byte[] stereo = new Bytes().riff().fmt(1, 2, 44100, 16).data(16)
                .u16(1000).u16(3000).u16(-1).u16(0).u16(32767).u16(32767).u16(-32768).u16(-32767).bytes();
        PcmAudio audio = WavReader.read(stereo);
        assertEquals(44100, audio.sampleRate());
        assertArrayEquals(new short[] {2000, 0, 32767, -32767}, samples(audio));

        byte[] three = new Bytes().riff().fmt(1, 3, 8000, 16).data(6).u16(300).u16(600).u16(-300).bytes();
        assertArrayEquals(new short[] {200}, samples(WavReader.read(three)));

        byte[] stereoUlaw = new Bytes().riff().fmt(7, 2, 8000, 8).data(2).raw(0x80, 0xFF).bytes();
        assertArrayEquals(new short[] {16062}, samples(WavReader.read(stereoUlaw)));
    }

    @Test
    void readsUnsigned8BitPcm() {
        byte[] file = new Bytes().riff().fmt(1, 1, 11025, 8).data(4).raw(128, 255, 0, 129).bytes();
        PcmAudio audio = WavReader.read(file);
        assertEquals(11025, audio.sampleRate());
        assertArrayEquals(new short[] {0, 32512, -32768, 256}, samples(audio));
    }

    @Test
    void skipsExtraChunksAnywhere() {
        byte[] file = new Bytes().riff()
                .ascii("LIST").u32(10).ascii("INFOISFT").raw(0, 0)
                .fmt(1, 1, 16000, 16)
                .ascii("fact").u32(4).u32(2)
                .data(4).u16(7).u16(-7)
                .ascii("LIST").u32(4).ascii("INFO")
                .bytes();
        PcmAudio audio = WavReader.read(file);
        assertEquals(16000, audio.sampleRate());
        assertArrayEquals(new short[] {7, -7}, samples(audio));
    }

    @Test
    void oddChunkIsFollowedByAPadByteOrNot() {
        byte[] padded = new Bytes().riff().ascii("junk").u32(3).raw(1, 2, 3).raw(0)
                .fmt(1, 1, 8000, 16).data(2).u16(42).bytes();
        assertArrayEquals(new short[] {42}, samples(WavReader.read(padded)));
        byte[] unpadded = new Bytes().riff().ascii("junk").u32(3).raw(1, 2, 3)
                .fmt(1, 1, 8000, 16).data(2).u16(43).bytes();
        assertArrayEquals(new short[] {43}, samples(WavReader.read(unpadded)));
    }

    @Test
    void dataSizeBeyondTheFileMeansToTheEnd() {
        for (long declared : new long[] {0xFFFF_FFFFL, 0x7FFF_F000L, 100}) {
            byte[] file = new Bytes().riff().fmt(1, 1, 22050, 16).data(declared).u16(1).u16(2).u16(3).bytes();
            PcmAudio audio = WavReader.read(file);
            assertEquals(22050, audio.sampleRate());
            assertArrayEquals(new short[] {1, 2, 3}, samples(audio), "declared " + declared);
        }
    }

    @Test
    void zeroDataSizeFollowedByAudioMeansToTheEnd() {
        byte[] streamed = new Bytes().riff().fmt(1, 1, 22050, 16).data(0).u16(-3).u16(3).bytes();
        assertArrayEquals(new short[] {-3, 3}, samples(WavReader.read(streamed)));
        byte[] emptyThenList = new Bytes().riff().fmt(1, 1, 22050, 16).data(0).ascii("LIST").u32(4).ascii("INFO")
                .bytes();
        assertEquals(0, WavReader.read(emptyThenList).length());
    }

    @Test
    void dropsATrailingPartialFrame() {
        byte[] file = new Bytes().riff().fmt(1, 1, 8000, 16).data(5).u16(1).u16(2).raw(9).bytes();
        assertArrayEquals(new short[] {1, 2}, samples(WavReader.read(file)));
        byte[] stereo = new Bytes().riff().fmt(1, 2, 8000, 16).data(6).u16(2).u16(4).u16(6).bytes();
        assertArrayEquals(new short[] {3}, samples(WavReader.read(stereo)));
    }

    @Test
    void emptyDataIsEmptyAudio() {
        byte[] file = new Bytes().riff().fmt(1, 1, 8000, 16).data(0).bytes();
        assertEquals(0, WavReader.read(file).length());
    }

    @Test
    void readsWaveFormatExtensible() {
        byte[] file = new Bytes().riff()
                .ascii("fmt ").u32(40).u16(0xFFFE).u16(1).u32(48000).u32(96000).u16(2).u16(16)
                .u16(22).u16(16).u32(4) // cbSize, valid bits, channel mask
                .u16(1).raw(0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71)
                .data(2).u16(-5).bytes();
        PcmAudio audio = WavReader.read(file);
        assertEquals(48000, audio.sampleRate());
        assertArrayEquals(new short[] {-5}, samples(audio));
    }

    private static void assertRejected(byte[] file, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavReader.read(file));
        assertTrue(e.getMessage().contains(messagePart), "message \"" + e.getMessage() + "\" lacks \""
                + messagePart + "\"");
    }

    @Test
    void rejectsWhatItCannotDecodeWithAClearMessage() {
        assertRejected(null, "must not be null");
        assertRejected(new byte[11], "only 11 bytes");
        assertRejected("ID3\u0004 MP3 file.....".getBytes(StandardCharsets.ISO_8859_1), "starts with \"ID3?\"");
        assertRejected(new Bytes().ascii("RIFF").u32(4).ascii("AVI ").bytes(), "not RIFF ... WAVE");
        assertRejected(new Bytes().ascii("RIFX").u32(4).ascii("WAVE").bytes(), "RIFX");
        assertRejected(new Bytes().ascii("RF64").u32(-1).ascii("WAVE").bytes(), "RF64");
        assertRejected(new Bytes().riff().fmt(3, 1, 8000, 32).data(4).u32(0).bytes(), "floating-point");
        assertRejected(new Bytes().riff().fmt(1, 1, 8000, 24).data(3).raw(1, 2, 3).bytes(), "24 bits");
        assertRejected(new Bytes().riff().fmt(2, 1, 8000, 4).data(0).bytes(), "format code 2");
        assertRejected(new Bytes().riff().fmt(1, 0, 8000, 16).data(0).bytes(), "0 channels");
        assertRejected(new Bytes().riff().fmt(1, 1, 0, 16).data(0).bytes(), "sample rate 0");
        assertRejected(new Bytes().riff().fmt(6, 1, 8000, 16).data(0).bytes(), "G.711 with 16 bits");
        assertRejected(new Bytes().riff().ascii("fmt ").u32(16).u16(1).u16(1).u32(8000).u32(16000).u16(4).u16(16)
                .data(0).bytes(), "block align 4");
        assertRejected(new Bytes().riff().ascii("fmt ").u32(14).u16(1).u16(1).u32(8000).u32(16000).u16(2)
                .data(0).bytes(), "fmt chunk is 14 bytes");
        assertRejected(new Bytes().riff().data(2).u16(0).fmt(1, 1, 8000, 16).bytes(), "before any fmt");
        assertRejected(new Bytes().riff().fmt(1, 1, 8000, 16).bytes(), "no data chunk");
        assertRejected(new Bytes().riff().ascii("LIST").u32(4).ascii("INFO").bytes(), "no fmt chunk");
        assertRejected(new Bytes().riff().ascii("LIST").u32(400).ascii("INFO").bytes(), "declares 400 bytes");
    }

    @Test
    void writerRejectsNulls() {
        assertThrows(IllegalArgumentException.class, () -> WavWriter.writePcm16(null));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.writeG711(null, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.writeG711(Law.PCMU, null));
    }
}
