package vn.dvc.hotline.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;

/**
 * What an editor's text will sound like on the phone: the normalised words and the audio, exactly as a prompt with
 * that text would play it (same normaliser, same voice, same hash, same encoding).
 *
 * <p>Audio is looked up before it is rendered (a prompt in memory, shipped audio, the disk cache); a render goes
 * through the shared {@link SpeechSynthesizer} (its bounded queue, its metrics) and is kept in the disk cache, so
 * saving the previewed text later costs no second render. The last {@value #KEPT_PREVIEWS} previews are kept in
 * memory for their audio URL.
 *
 * <p>Thread model: {@link #preview} returns at once; its lookups and file I/O run on a worker thread, renders on the
 * synthesiser's threads. {@link #audio} reads memory only and is safe on an event loop.
 */
@ApplicationScoped
public class SpeechPreview {

    /** Longest text a preview accepts: a long list of documents, not a book. */
    public static final int MAX_TEXT_CHARS = 5000;
    static final int KEPT_PREVIEWS = 64;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /**
     * One preview.
     *
     * @param spoken     the words espeak-ng is given
     * @param voice      the voice it speaks with
     * @param hash       the text hash, which names the audio
     * @param durationMs how long it lasts
     * @param rendered   whether espeak-ng ran for it (false: the audio existed)
     */
    public record Preview(String spoken, String voice, String hash, long durationMs, boolean rendered) {
    }

    private final SpeechSynthesizer synthesizer;
    private final PromptLibrary prompts;
    private final VietnameseTextNormalizer normalizer = new VietnameseTextNormalizer();
    /** hash → µ-law audio, least recently used first. */
    private final Map<String, byte[]> kept = new LinkedHashMap<>(KEPT_PREVIEWS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT_PREVIEWS;
        }
    };

    SpeechPreview(SpeechSynthesizer synthesizer, PromptLibrary prompts) {
        this.synthesizer = synthesizer;
        this.prompts = prompts;
    }

    /**
     * @param text  what the editor wrote, not blank, at most {@value #MAX_TEXT_CHARS} characters (the caller checks)
     * @param voice a Vietnamese espeak-ng voice ({@link Region#forVoice} accepts it; the caller checks)
     * @return the preview; fails with {@link SynthesisException} if the audio had to be rendered and could not be
     *         (espeak-ng missing or failing, too many renders waiting)
     */
    public Uni<Preview> preview(String text, String voice) {
        String spoken = normalizer.normalize(text, Region.forVoice(voice));
        String hash = PromptLibrary.textHash(voice, text);
        byte[] known = keptAudio(hash);
        if (known != null) {
            return Uni.createFrom().item(new Preview(spoken, voice, hash, known.length / 8, false));
        }
        return Uni.createFrom().item(() -> prompts.existingAudio(hash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(existing -> {
                    if (existing != null) {
                        keep(hash, existing);
                        return Uni.createFrom().item(new Preview(spoken, voice, hash, existing.length / 8, false));
                    }
                    return Uni.createFrom().completionStage(() -> synthesizer.synthesize(text, voice))
                            .map(audio -> {
                                byte[] ulaw = EncodedClip.fromPcm(audio).toByteArray(Law.PCMU);
                                prompts.cacheRender(hash, ulaw);
                                keep(hash, ulaw);
                                return new Preview(spoken, voice, hash, ulaw.length / 8, true);
                            });
                });
    }

    /** @return the µ-law audio of a recent preview, by its hash */
    public Optional<byte[]> audio(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(keptAudio(hash));
    }

    /** @return whether new audio can be rendered at all */
    public boolean canRender() {
        return synthesizer.available();
    }

    private synchronized byte[] keptAudio(String hash) {
        return kept.get(hash);
    }

    private synchronized void keep(String hash, byte[] ulaw) {
        kept.put(hash, ulaw);
    }
}
