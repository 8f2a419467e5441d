package vn.dvc.hotline.speech;

import java.util.concurrent.CompletionStage;

import vn.dvc.hotline.media.PcmAudio;

/**
 * Turns Vietnamese text into telephone audio.
 *
 * <p>Thread model: every method may be called from any thread, event loops included; implementations never do
 * blocking work on the caller's thread, and complete the returned stage on a thread of their own.
 */
public interface SpeechSynthesizer {

    /**
     * Renders {@code text} as written by an editor (numbers, dates, codes and abbreviations are normalised by the
     * implementation).
     *
     * @param text  the text to speak, not blank
     * @param voice the voice name (for espeak-ng: {@code vi-vn-x-south}, ...)
     * @return a stage completed with 8 kHz mono audio, trimmed of long silences, or failed with a
     *         {@link SynthesisException} saying why
     */
    CompletionStage<PcmAudio> synthesize(String text, String voice);

    /** @return whether {@link #synthesize} can work at all (the engine was found at start) */
    boolean available();

    /** @return one line for logs and health: the engine and version, or what is missing and what that means */
    String describe();
}
