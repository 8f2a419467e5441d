package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PcmAudioTest {

    @Test
    void copiesInAndOut() {
        short[] samples = {1, 2, 3};
        PcmAudio audio = new PcmAudio(samples, 16000);
        samples[0] = 9;
        audio.samples()[1] = 9;
        assertArrayEquals(new short[] {1, 2, 3}, audio.samples());
        assertEquals(3, audio.length());
        assertEquals(2, audio.sample(1));
        assertEquals(16000, audio.sampleRate());
    }

    @Test
    void durationAndEquality() {
        assertEquals(1000, new PcmAudio(new short[22050], 22050).durationMillis());
        assertEquals(0, new PcmAudio(new short[7], 8000).durationMillis());
        assertEquals(new PcmAudio(new short[] {1}, 8000), new PcmAudio(new short[] {1}, 8000));
        assertEquals(new PcmAudio(new short[] {1}, 8000).hashCode(), new PcmAudio(new short[] {1}, 8000).hashCode());
        assertNotEquals(new PcmAudio(new short[] {1}, 8000), new PcmAudio(new short[] {1}, 16000));
        assertNotEquals(new PcmAudio(new short[] {1}, 8000), new PcmAudio(new short[] {2}, 8000));
    }

    @Test
    void validatesArguments() {
        assertThrows(IllegalArgumentException.class, () -> new PcmAudio(null, 8000));
        assertThrows(IllegalArgumentException.class, () -> new PcmAudio(new short[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new PcmAudio(new short[0], -8000));
    }
}
