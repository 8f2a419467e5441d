package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EncodedClipTest {

    private static short[] ramp(int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (i * 97 - 15000);
        }
        return samples;
    }

    @Test
    void encodesBothLawsAndPadsWithEachLawsSilence() {
        short[] pcm = ramp(200);
        EncodedClip clip = EncodedClip.fromPcm(new PcmAudio(pcm, 8000));
        assertEquals(2, clip.frameCount());
        assertEquals(40, clip.durationMillis());
        byte[] ulaw = clip.toByteArray(Law.PCMU);
        byte[] alaw = clip.toByteArray(Law.PCMA);
        assertEquals(320, ulaw.length);
        for (int i = 0; i < 200; i++) {
            assertEquals(G711.encodeUlaw(pcm[i]), ulaw[i]);
            assertEquals(G711.encodeAlaw(pcm[i]), alaw[i]);
        }
        for (int i = 200; i < 320; i++) {
            assertEquals((byte) 0xFF, ulaw[i], "µ-law padding");
            assertEquals((byte) 0xD5, alaw[i], "A-law padding");
        }
    }

    @Test
    void wholeFramesNeedNoPadding() {
        assertEquals(3, EncodedClip.fromPcm(ramp(480)).frameCount());
        assertEquals(0, EncodedClip.fromPcm(new short[0]).frameCount());
        assertEquals(0, EncodedClip.fromPcm(new short[0]).durationMillis());
        assertEquals(1, EncodedClip.fromPcm(new short[1]).frameCount());
    }

    @Test
    void copiesFramesIntoByteBufsWithoutMovingIndices() {
        EncodedClip clip = EncodedClip.fromPcm(ramp(400));
        ByteBuf packet = Unpooled.buffer(172);
        packet.writerIndex(5);
        clip.copyFrame(Law.PCMA, 1, packet, 12);
        assertEquals(5, packet.writerIndex());
        assertEquals(0, packet.readerIndex());
        byte[] copied = new byte[160];
        packet.getBytes(12, copied);
        assertArrayEquals(Arrays.copyOfRange(clip.toByteArray(Law.PCMA), 160, 320), copied);

        byte[] array = new byte[170];
        clip.copyFrame(Law.PCMU, 2, array, 10);
        assertArrayEquals(Arrays.copyOfRange(clip.toByteArray(Law.PCMU), 320, 480), Arrays.copyOfRange(array, 10, 170));
    }

    @Test
    void frameAccessIsBoundsChecked() {
        EncodedClip clip = EncodedClip.fromPcm(ramp(320));
        ByteBuf packet = Unpooled.buffer(172, 172);
        assertThrows(IndexOutOfBoundsException.class, () -> clip.copyFrame(Law.PCMU, 2, packet, 12));
        assertThrows(IndexOutOfBoundsException.class, () -> clip.copyFrame(Law.PCMU, -1, packet, 12));
        assertThrows(IndexOutOfBoundsException.class, () -> clip.copyFrame(Law.PCMU, 0, packet, 13));
        assertThrows(IndexOutOfBoundsException.class, () -> clip.copyFrame(Law.PCMU, 0, new byte[159], 0));
        assertThrows(IllegalArgumentException.class, () -> clip.copyFrame(null, 0, packet, 12));
    }

    @Test
    void fromG711KeepsTheGivenBytesAndTranscodesTheOther() {
        byte[] ulaw = new byte[256];
        for (int i = 0; i < 256; i++) {
            ulaw[i] = (byte) i;
        }
        EncodedClip clip = EncodedClip.fromG711(Law.PCMU, ulaw);
        assertEquals(2, clip.frameCount());
        byte[] keptU = clip.toByteArray(Law.PCMU);
        byte[] madeA = clip.toByteArray(Law.PCMA);
        assertArrayEquals(ulaw, Arrays.copyOf(keptU, 256), "µ-law bytes kept, even 0x7F");
        for (int i = 0; i < 256; i++) {
            assertEquals(G711.ulawToAlaw((byte) i), madeA[i]);
        }
        assertEquals((byte) 0xFF, keptU[300]);
        assertEquals((byte) 0xD5, madeA[300]);

        EncodedClip fromAlaw = EncodedClip.fromG711(Law.PCMA, new byte[] {(byte) 0xAA, (byte) 0xD5});
        assertEquals((byte) 0xAA, fromAlaw.toByteArray(Law.PCMA)[0]);
        assertEquals(G711.alawToUlaw((byte) 0xAA), fromAlaw.toByteArray(Law.PCMU)[0]);
        assertEquals((byte) 0xD5, fromAlaw.toByteArray(Law.PCMA)[2]);
        assertEquals((byte) 0xFF, fromAlaw.toByteArray(Law.PCMU)[2]);
    }

    @Test
    void callersCannotChangeTheClip() {
        byte[] ulaw = new byte[160];
        EncodedClip clip = EncodedClip.fromG711(Law.PCMU, ulaw);
        ulaw[0] = 1;
        clip.toByteArray(Law.PCMU)[1] = 1;
        assertEquals(0, clip.toByteArray(Law.PCMU)[0]);
        assertEquals(0, clip.toByteArray(Law.PCMU)[1]);
    }

    @Test
    void silenceClip() {
        EncodedClip silence = EncodedClip.silence(3);
        assertEquals(3, silence.frameCount());
        assertEquals(60, silence.durationMillis());
        byte[] frame = new byte[160];
        silence.copyFrame(Law.PCMA, 2, frame, 0);
        for (byte b : frame) {
            assertEquals((byte) 0xD5, b);
        }
        silence.copyFrame(Law.PCMU, 0, frame, 0);
        for (byte b : frame) {
            assertEquals((byte) 0xFF, b);
        }
        assertEquals(0, EncodedClip.silence(0).frameCount());
    }

    @Test
    void validatesArguments() {
        assertThrows(IllegalArgumentException.class, () -> EncodedClip.fromPcm((PcmAudio) null));
        assertThrows(IllegalArgumentException.class, () -> EncodedClip.fromPcm((short[]) null));
        IllegalArgumentException wrongRate = assertThrows(IllegalArgumentException.class,
                () -> EncodedClip.fromPcm(new PcmAudio(new short[10], 22050)));
        assertEquals("a clip needs 8000 Hz audio, got 22050 Hz: resample it first (Resampler.toNarrowband)",
                wrongRate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EncodedClip.fromG711(null, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> EncodedClip.fromG711(Law.PCMA, null));
        assertThrows(IllegalArgumentException.class, () -> EncodedClip.silence(-1));
    }

    @Test
    void fromWavThroughResamplerToClip() {
        // The path a staff upload takes: WAV at 22050 Hz, resampled, encoded, cut into frames.
        short[] pcm = new short[22050];
        for (int n = 0; n < pcm.length; n++) {
            pcm[n] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * n / 22050.0));
        }
        PcmAudio read = WavReader.read(WavWriter.writePcm16(new PcmAudio(pcm, 22050)));
        EncodedClip clip = EncodedClip.fromPcm(Resampler.toNarrowband(read));
        assertEquals(50, clip.frameCount());
        assertEquals(1000, clip.durationMillis());
    }
}
