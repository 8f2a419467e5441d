package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dvc.hotline.media.EncodedClip;

/**
 * Every seeded text ({@link SeededTexts}: menu, system prompts, the seed catalogue's scripts) ships pre-rendered for
 * its current text, so a machine without espeak-ng still answers with speech. Editing a seeded text, a catalogue
 * script's wording or the normaliser's output for a seeded text without re-rendering fails here.
 */
class ShippedPromptsTest {

    private static final String FIX = "; run tools/render-prompts.sh (needs espeak-ng) and commit"
            + " src/main/resources/prompts/shipped";

    @Test
    void everySeededPromptHasShippedAudioForItsCurrentText() throws IOException {
        ShippedPromptsRenderer.ShippedIndex index;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream(PromptLibrary.SHIPPED_RESOURCES + "index.json")) {
            assertNotNull(in, "prompts/shipped/index.json is missing" + FIX);
            index = new ObjectMapper().readValue(in, ShippedPromptsRenderer.ShippedIndex.class);
        }
        assertEquals(TestTtsConfig.defaults().voice(), index.voice(), "shipped audio is for another voice" + FIX);
        Region region = Region.forVoice(index.voice());
        for (Map.Entry<String, String> prompt : SeededTexts.all(region).entrySet()) {
            String hash = PromptLibrary.textHash(index.voice(), prompt.getValue());
            ShippedPromptsRenderer.ShippedPrompt shipped = index.prompts().get(prompt.getKey());
            assertNotNull(shipped, "seeded prompt '" + prompt.getKey() + "' has no shipped audio" + FIX);
            assertEquals(hash, shipped.hash(), "the seed text of '" + prompt.getKey()
                    + "' changed since its audio was rendered" + FIX);
            byte[] ulaw = PromptLibrary.shipped(hash);
            assertNotNull(ulaw, "prompts/shipped/" + hash + ".ulaw (prompt '" + prompt.getKey() + "') is missing"
                    + FIX);
            assertEquals(0, ulaw.length % EncodedClip.FRAME_BYTES, "whole 20 ms frames expected" + FIX);
            assertTrue(ulaw.length >= 8000 / 10, "prompt '" + prompt.getKey() + "' lasts under 100 ms" + FIX);
            String implausible = PlausibleLength.problem(prompt.getKey(), prompt.getValue(), region, ulaw.length / 8);
            assertNull(implausible, implausible + FIX);
        }
    }
}
