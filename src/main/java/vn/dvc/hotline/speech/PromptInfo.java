package vn.dvc.hotline.speech;

import java.time.OffsetDateTime;

/**
 * What the {@link PromptLibrary} knows about one prompt, for listings and health.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param key          prompt key: a menu node's key, or a {@code system.*} key
 * @param text         the text the prompt should say now
 * @param voice        the configured voice
 * @param source       where the audio in use came from; {@code null} while there is none
 * @param durationMs   length of the audio in use; {@code null} while there is none
 * @param updatedAt    when the audio in use was stored; {@code null} while there is none
 * @param audioCurrent whether the audio in use says {@link #text}: false while there is none, or while an edited
 *                     text cannot be rendered (espeak-ng missing or failing) and the previous audio still plays
 */
public record PromptInfo(String key, String text, String voice, PromptSource source, Integer durationMs,
        OffsetDateTime updatedAt, boolean audioCurrent) {
}
