package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import vn.dvc.hotline.media.PcmAudio;

/**
 * Renders every seeded text (menu, system prompts, every script of the seed catalogue) with the real espeak-ng, from
 * scratch, through the service's own synthesiser, and checks that each clip lasts about as long as its text takes to
 * say ({@link PlausibleLength}). Also prints the figure "time to render the whole seed catalogue cold".
 *
 * <p>espeak-ng must be installed ({@code .ci/run} installs it): without it this test fails, it does not skip.
 */
class SeededSpeechTest {

    @Test
    void everySeededTextRendersToAudioOfAPlausibleLength() {
        TestTtsConfig config = TestTtsConfig.defaults();
        EspeakSynthesizer espeak = new EspeakSynthesizer(config);
        try {
            assertTrue(espeak.probe(), "espeak-ng is needed: " + espeak.describe());
            Region region = Region.forVoice(config.voice());
            Map<String, String> texts = SeededTexts.all(region);
            long started = System.nanoTime();
            Map<String, CompletableFuture<PcmAudio>> renders = new LinkedHashMap<>();
            texts.forEach((key, text) -> renders.put(key, espeak.synthesize(text, config.voice()).toCompletableFuture()));
            List<String> problems = new ArrayList<>();
            long audioMs = 0;
            for (Map.Entry<String, String> text : texts.entrySet()) {
                PcmAudio audio = renders.get(text.getKey()).join();
                audioMs += audio.durationMillis();
                String problem = PlausibleLength.problem(text.getKey(), text.getValue(), region, audio.durationMillis());
                if (problem != null) {
                    problems.add(problem);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("SeededSpeechTest: %d texts, %d espeak-ng runs on %d threads in %d ms, %d s of audio%n",
                    texts.size(), espeak.renderCount(), config.maxConcurrentRenders(), millis, audioMs / 1000);
            assertEquals(List.of(), problems);
            assertEquals(texts.size(), espeak.renderCount(), "one render per text, none cached");
        } finally {
            espeak.stop();
        }
    }
}
