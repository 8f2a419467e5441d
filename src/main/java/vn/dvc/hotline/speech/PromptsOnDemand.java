package vn.dvc.hotline.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Prompts whose texts come from live data (a field's name, a dossier's current step), prepared the first time a call
 * needs them and then served from the {@link PromptLibrary} like any other: a prompt already holding current audio
 * for the same text costs nothing, not even a database query.
 *
 * <p>Thread model: safe from any thread, event loops included (it only reads the library's map); the preparation, if
 * any, runs on the library's thread.
 */
public final class PromptsOnDemand {

    private PromptsOnDemand() {
    }

    /**
     * @param keyToText the prompts a call is about to play
     * @return completes when each has the best audio it can get (see {@link PromptLibrary#ensure})
     */
    public static Uni<Void> ready(PromptLibrary prompts, Map<String, String> keyToText) {
        Map<String, String> missing = new LinkedHashMap<>();
        keyToText.forEach((key, text) -> {
            Optional<PromptInfo> info = prompts.info(key);
            boolean current = info.isPresent() && info.get().audioCurrent() && info.get().text().equals(text);
            if (!current && text != null && !text.isBlank()) {
                missing.put(key, text);
            }
        });
        return missing.isEmpty() ? Uni.createFrom().voidItem() : prompts.ensure(missing);
    }
}
