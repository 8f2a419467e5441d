package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;

/**
 * Not a test: the tool behind {@code tools/render-prompts.sh}. Renders every seeded text ({@link SeededTexts}: the
 * menu and system prompts of {@code seed/menu.json}, the catalogue scripts of {@code seed/catalog.json}) with the
 * service's own {@link EspeakSynthesizer} and the default voice and speed, from scratch, on the synthesiser's pool,
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
        Map<String, String> texts = SeededTexts.all(Region.forVoice(config.voice()));
        long started = System.nanoTime();
        Map<String, CompletableFuture<PcmAudio>> renders = new LinkedHashMap<>();
        for (Map.Entry<String, String> prompt : texts.entrySet()) {
            renders.put(prompt.getKey(), espeak.synthesize(prompt.getValue(), config.voice()).toCompletableFuture());
        }
        Map<String, ShippedPrompt> index = new TreeMap<>();
        long bytes = 0;
        for (Map.Entry<String, String> prompt : texts.entrySet()) {
            byte[] ulaw = EncodedClip.fromPcm(renders.get(prompt.getKey()).join()).toByteArray(Law.PCMU);
            String hash = PromptLibrary.textHash(config.voice(), prompt.getValue());
            Path file = FOLDER.resolve(hash + ".ulaw");
            if (!Files.exists(file)) {
                bytes += ulaw.length;
            }
            Files.write(file, ulaw);
            index.put(prompt.getKey(), new ShippedPrompt(hash, prompt.getValue(), ulaw.length / 8));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(FOLDER, "*.ulaw")) {
            for (Path file : files) {
                String hash = file.getFileName().toString().replace(".ulaw", "");
                if (index.values().stream().noneMatch(shipped -> shipped.hash().equals(hash))) {
                    Files.delete(file);
                    System.out.println("removed stale " + file.getFileName());
                }
            }
        }
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(FOLDER, "*.ulaw")) {
            for (Path file : files) {
                total += Files.size(file);
            }
        }
        String engine = espeak.describe();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(FOLDER.resolve("index.json").toFile(),
                new ShippedIndex(config.voice(), config.speed(), engine, index));
        System.out.printf("Rendered %d prompts with %d espeak-ng runs (%d threads) in %d ms: %d s of audio, %d bytes"
                + " in the folder (%d bytes new)%n", texts.size(), espeak.renderCount(), config.maxConcurrentRenders(),
                millis, total / 8000, total, bytes);
        espeak.stop();
    }
}
