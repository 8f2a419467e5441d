package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;

/**
 * Not a test: the tool behind {@code tools/render-prompts.sh}. Renders every seeded prompt (menu nodes and system
 * prompts of {@code seed/menu.json}) with the service's own {@link EspeakSynthesizer} and the default voice and speed,
 * and writes {@code src/main/resources/prompts/shipped/<text-hash>.ulaw} plus {@code index.json}; stale files go.
 * Runs only with {@code -Drender.prompts=true}.
 */
@EnabledIfSystemProperty(named = "render.prompts", matches = "true")
class ShippedPromptsRenderer {

    static final Path FOLDER = Path.of("src/main/resources", PromptLibrary.SHIPPED_RESOURCES);

    /** The shape of index.json. */
    record ShippedIndex(String voice, int speed, String engine, Map<String, ShippedPrompt> prompts) {
    }

    /** One shipped prompt: its text hash names the audio file. */
    record ShippedPrompt(String hash, String text, long durationMs) {
    }

    @Test
    void renderSeededPrompts() throws IOException {
        TestTtsConfig config = TestTtsConfig.defaults();
        EspeakSynthesizer espeak = new EspeakSynthesizer(config);
        assertTrue(espeak.probe(), "espeak-ng is needed to render the shipped prompts: " + espeak.describe());
        Files.createDirectories(FOLDER);
        Map<String, ShippedPrompt> index = new TreeMap<>();
        Map<String, String> texts = new LinkedHashMap<>(MenuStore.readSeed().promptTexts());
        for (Map.Entry<String, String> prompt : texts.entrySet()) {
            long started = System.nanoTime();
            PcmAudio audio = espeak.synthesize(prompt.getValue(), config.voice()).toCompletableFuture().join();
            long millis = (System.nanoTime() - started) / 1_000_000;
            byte[] ulaw = EncodedClip.fromPcm(audio).toByteArray(Law.PCMU);
            String hash = PromptLibrary.textHash(config.voice(), prompt.getValue());
            Files.write(FOLDER.resolve(hash + ".ulaw"), ulaw);
            index.put(prompt.getKey(), new ShippedPrompt(hash, prompt.getValue(), ulaw.length / 8));
            System.out.printf("%-28s %6d ms of audio, rendered in %4d ms -> %s.ulaw%n", prompt.getKey(),
                    ulaw.length / 8, millis, hash);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(FOLDER, "*.ulaw")) {
            for (Path file : files) {
                String hash = file.getFileName().toString().replace(".ulaw", "");
                if (index.values().stream().noneMatch(shipped -> shipped.hash().equals(hash))) {
                    Files.delete(file);
                    System.out.println("removed stale " + file.getFileName());
                }
            }
        }
        String engine = espeak.describe();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(FOLDER.resolve("index.json").toFile(),
                new ShippedIndex(config.voice(), config.speed(), engine, index));
        espeak.stop();
    }
}
