package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dvc.hotline.media.PcmAudio;

/**
 * The synthesiser never forks without limit: with one process and one waiting render allowed, a third render is
 * refused at once with a clear message, and the two accepted ones complete on the synthesiser's own threads. The
 * running render is held by a gate file, not by a sleep, so nothing here depends on timing.
 */
class EspeakQueueTest {

    @Test
    void aFullQueueRefusesRendersClearlyAndRunsTheRestOffTheCallersThread(@TempDir Path folder) throws IOException {
        Path gate = folder.resolve("open");
        // espeak-ng that holds every render but the start-up probe until the gate file exists.
        Path command = folder.resolve("gated-espeak");
        Files.writeString(command, "#!/bin/sh\n"
                + "[ \"$1\" = --version ] && exec espeak-ng --version\n"
                + "input=$(cat)\n"
                + "if [ \"$input\" != 'Xin chào.' ]; then while [ ! -f '" + gate + "' ]; do sleep 0.02; done; fi\n"
                + "printf '%s' \"$input\" | exec espeak-ng \"$@\"\n");
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
        EspeakSynthesizer espeak = new EspeakSynthesizer(new TestTtsConfig(command.toString(), 1, 1));
        try {
            assertTrue(espeak.probe(), espeak.describe());
            AtomicReference<String> thread = new AtomicReference<>();
            CompletableFuture<PcmAudio> running = espeak.synthesize("Một", Region.VOICE_SOUTH).toCompletableFuture()
                    .whenComplete((audio, failure) -> thread.set(Thread.currentThread().getName()));
            CompletableFuture<PcmAudio> waiting = espeak.synthesize("Hai", Region.VOICE_SOUTH).toCompletableFuture();
            CompletableFuture<PcmAudio> refused = espeak.synthesize("Ba", Region.VOICE_SOUTH).toCompletableFuture();

            assertTrue(refused.isCompletedExceptionally(), "refused at once, not queued without bound");
            CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    refused::join);
            SynthesisException cause = assertInstanceOf(SynthesisException.class, failure.getCause());
            assertTrue(cause.getMessage().contains("too many renders waiting (1)"), cause.getMessage());

            Files.createFile(gate);
            assertTrue(running.join().length() > 0);
            assertTrue(waiting.join().length() > 0);
            assertTrue(thread.get().startsWith("espeak-render-"), "completed on " + thread.get());
            assertEquals(2, espeak.renderCount(), "the refused render never ran");
        } finally {
            espeak.stop();
        }
    }
}
