package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.dvc.hotline.media.PcmAudio;

/** Real espeak-ng, real Vietnamese: CI installs espeak-ng, so these only skip on a machine without it. */
class EspeakSynthesizerTest {

    private static EspeakSynthesizer espeak;

    @BeforeAll
    static void probe() {
        espeak = new EspeakSynthesizer(TestTtsConfig.defaults());
        espeak.probe();
    }

    @AfterAll
    static void stop() {
        espeak.stop();
    }

    private static void assumeEspeak() {
        Assumptions.assumeTrue(espeak.available(), "SKIPPED: espeak-ng is not installed here (apt-get install"
                + " espeak-ng); " + espeak.describe());
    }

    private static PcmAudio render(String text) {
        return espeak.synthesize(text, Region.VOICE_SOUTH).toCompletableFuture().join();
    }

    @Test
    void rendersAVietnameseSentenceAsAudibleTelephoneAudio() {
        assumeEspeak();
        long started = System.nanoTime();
        PcmAudio audio = render("Hồ sơ của quý vị đã được tiếp nhận ngày 15/01/2026, lệ phí 50.000 đồng.");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(8000, audio.sampleRate());
        assertTrue(audio.durationMillis() >= 1000 && audio.durationMillis() <= 15_000,
                "a sentence should last 1-15 s, got " + audio.durationMillis() + " ms");
        assertTrue(rms(audio) > 500, "speech expected, RMS was " + rms(audio));
        assertTrue(millis < 10_000, "one sentence took " + millis + " ms to render");
        System.out.printf("espeak-ng: %d ms of audio in %d ms%n", audio.durationMillis(), millis);
    }

    @Test
    void normalisesNumbersBeforeSpeaking() {
        assumeEspeak();
        // "50.000" read as "năm mươi nghìn/ngàn" is far longer than the five digits spelled one by one would be
        // were the text passed raw; compare with the spelled-out words to see the normaliser ran.
        PcmAudio digits = render("50.000 đồng");
        PcmAudio words = render("năm mươi ngàn đồng");
        assertTrue(Math.abs(digits.durationMillis() - words.durationMillis()) < 400,
                "normalised " + digits.durationMillis() + " ms vs words " + words.durationMillis() + " ms");
    }

    @Test
    void trimsLongSilenceAtBothEnds() {
        assumeEspeak();
        PcmAudio audio = render("Xin chào.");
        int lead = 0;
        while (Math.abs(audio.sample(lead)) <= SilenceTrimmer.THRESHOLD) {
            lead++;
        }
        int tail = 0;
        while (Math.abs(audio.sample(audio.length() - 1 - tail)) <= SilenceTrimmer.THRESHOLD) {
            tail++;
        }
        assertTrue(lead <= SilenceTrimmer.LEAD_MILLIS * 8, "lead-in of " + lead / 8 + " ms");
        assertTrue(tail <= SilenceTrimmer.TAIL_MILLIS * 8, "tail of " + tail / 8 + " ms");
    }

    @Test
    void textThatLooksLikeAnOptionIsSpokenNotObeyed() {
        assumeEspeak();
        PcmAudio audio = render("--version -w /tmp/x.wav");
        assertTrue(audio.durationMillis() > 500, "the text should have been spoken");
    }

    @Test
    void emptyTextFails() {
        CompletionException failure = assertThrows(CompletionException.class, () -> render("  "));
        assertInstanceOf(SynthesisException.class, failure.getCause());
    }

    @Test
    void aMissingCommandIsReportedClearlyAndFailsFast() {
        EspeakSynthesizer missing = new EspeakSynthesizer(new TestTtsConfig("/nonexistent/espeak-ng"));
        try {
            assertFalse(missing.probe());
            assertFalse(missing.available());
            assertTrue(missing.describe().startsWith("missing: '/nonexistent/espeak-ng' cannot be run"),
                    missing.describe());
            assertTrue(missing.describe().contains("stored and shipped audio still play"), missing.describe());
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> missing.synthesize("Xin chào", Region.VOICE_SOUTH).toCompletableFuture().join());
            assertTrue(failure.getCause().getMessage().contains("missing"), failure.getCause().getMessage());
        } finally {
            missing.stop();
        }
    }

    @Test
    void anUnknownVoiceIsRefused() {
        assumeEspeak();
        CompletionException failure = assertThrows(CompletionException.class,
                () -> espeak.synthesize("Xin chào", "-v en").toCompletableFuture().join());
        assertTrue(failure.getCause().getMessage().contains("not a voice name"), failure.getCause().getMessage());
    }

    private static double rms(PcmAudio audio) {
        double sum = 0;
        for (int i = 0; i < audio.length(); i++) {
            sum += (double) audio.sample(i) * audio.sample(i);
        }
        return Math.sqrt(sum / audio.length());
    }
}
