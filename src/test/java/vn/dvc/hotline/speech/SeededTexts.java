package vn.dvc.hotline.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.catalog.CatalogSeeder;

/**
 * Every text the service ships pre-rendered audio for, key → text: what {@code tools/render-prompts.sh} renders,
 * what {@link ShippedPromptsTest} checks and what {@link SeededSpeechTest} renders with the real espeak-ng.
 */
final class SeededTexts {

    /**
     * The sources of seeded texts, for the voice's region: the menu and system prompts, the catalogue's spoken
     * scripts, the names the voice services read out in lists, and the read-out fragments.
     */
    static final List<Function<Region, Map<String, String>>> SOURCES = List.of(
            region -> MenuStore.readSeed().promptTexts(),
            region -> CatalogSeeder.seedScripts(),
            region -> CatalogSeeder.seedNames(),
            Readouts::fragments);

    private SeededTexts() {
    }

    /**
     * @return every seeded prompt, key → text, in source order
     * @throws IllegalStateException if two sources give one key different texts
     */
    static Map<String, String> all(Region region) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Function<Region, Map<String, String>> source : SOURCES) {
            for (Map.Entry<String, String> text : source.apply(region).entrySet()) {
                String earlier = texts.putIfAbsent(text.getKey(), text.getValue());
                if (earlier != null && !earlier.equals(text.getValue())) {
                    throw new IllegalStateException("Two seeded texts for prompt '" + text.getKey() + "'");
                }
            }
        }
        return texts;
    }
}
