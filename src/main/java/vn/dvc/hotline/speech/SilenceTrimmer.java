package vn.dvc.hotline.speech;

import java.util.Arrays;

import vn.dvc.hotline.media.PcmAudio;

/**
 * Cuts the silence a synthesiser leaves around speech down to a short, fixed margin, so that prompts played one
 * after another ("không hiểu" + menu) neither run together nor leave the caller wondering whether the line died.
 *
 * <p>Thread model: stateless; safe from any thread.
 */
final class SilenceTrimmer {

    /** Samples quieter than this (about -42 dBFS) count as silence. */
    static final int THRESHOLD = 256;
    /** Silence kept before the first sound. */
    static final int LEAD_MILLIS = 60;
    /** Silence kept after the last sound: a breath before whatever plays next. */
    static final int TAIL_MILLIS = 200;

    private SilenceTrimmer() {
    }

    /**
     * @return {@code audio} with at most {@value #LEAD_MILLIS} ms of silence before the first sound and
     *         {@value #TAIL_MILLIS} ms after the last; never longer than the input
     * @throws SynthesisException if nothing in {@code audio} is louder than silence
     */
    static PcmAudio trim(PcmAudio audio) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < audio.length(); i++) {
            if (Math.abs(audio.sample(i)) > THRESHOLD) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            throw new SynthesisException("the synthesiser produced only silence (" + audio.durationMillis() + " ms)");
        }
        int rate = audio.sampleRate();
        int start = Math.max(0, first - LEAD_MILLIS * rate / 1000);
        int end = Math.min(audio.length(), last + 1 + TAIL_MILLIS * rate / 1000);
        return new PcmAudio(Arrays.copyOfRange(audio.samples(), start, end), rate);
    }
}
