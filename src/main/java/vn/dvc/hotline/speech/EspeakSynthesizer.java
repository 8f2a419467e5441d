package vn.dvc.hotline.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.dvc.hotline.media.PcmAudio;
import vn.dvc.hotline.media.Resampler;
import vn.dvc.hotline.media.WavReader;

/**
 * Renders speech with the espeak-ng command: {@code espeak-ng -v <voice> -s <speed> -b 1 --stdin --stdout}, the
 * normalised text written to its standard input (no shell, nothing of the text on the command line, so no text can
 * pass for an option), the WAV it writes (22 050 Hz, streamed sizes) read back, resampled to 8 kHz and trimmed of
 * long silences.
 *
 * <p>Whether espeak-ng works is probed once at start ({@code --version}, then a short test phrase in the configured
 * voice); if it does not, {@link #describe()} says what is missing and what still works, and every render fails
 * fast with that message.
 *
 * <p>Thread model: {@link #synthesize} returns at once from any thread, event loops included. The processes run on
 * a pool of {@code hotline.tts.max-concurrent-renders} daemon threads with a bounded queue (a flood of edits queues
 * or is refused, it never forks without limit); the stage completes on one of those threads. The probe runs on the
 * main thread during start-up; its result is published through volatile fields.
 *
 * <p>Metrics: {@code hotline_tts_renders_total{outcome=ok|failed}} counts espeak-ng runs for
 * {@link #synthesize} (the start-up probe is not counted), {@code hotline_tts_renders_rejected_total} renders
 * refused because the queue was full, and {@code hotline_tts_render_queue} the renders waiting. With a warm cache a
 * busy hour should add nothing to the first: every prompt and read-out fragment is rendered once and cached.
 */
@ApplicationScoped
public class EspeakSynthesizer implements SpeechSynthesizer {

    /** Start-up priority of the probe: before the database work, so the prompt library knows the outcome. */
    public static final int PROBE_PRIORITY = 50;
    private static final Logger LOG = Logger.getLogger(EspeakSynthesizer.class);
    /** Voice names are passed as an argument: letters, digits, '-', '_' and a '+variant' only. */
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+-]{0,63}");
    private static final String PROBE_TEXT = "Xin chào.";
    private static final int MAX_ERROR_CHARS = 300;

    private final TtsConfig config;
    private final VietnameseTextNormalizer normalizer = new VietnameseTextNormalizer();
    private final ThreadPoolExecutor renderers;
    private final Counter rendered;
    private final Counter failed;
    private final Counter rejected;
    private volatile boolean available;
    private volatile String description = "espeak-ng: not checked yet (the check runs at start)";

    /** For tools and tests without Quarkus: metrics go to a private registry. */
    EspeakSynthesizer(TtsConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    @Inject
    EspeakSynthesizer(TtsConfig config, MeterRegistry registry) {
        this.config = config;
        int threads = Math.max(1, config.maxConcurrentRenders());
        AtomicInteger count = new AtomicInteger();
        this.renderers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.maxQueuedRenders())), task -> {
                    Thread thread = new Thread(task, "espeak-render-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        renderers.allowCoreThreadTimeOut(true);
        this.rendered = Counter.builder("hotline_tts_renders").tag("outcome", "ok")
                .description("espeak-ng runs that produced audio").register(registry);
        this.failed = Counter.builder("hotline_tts_renders").tag("outcome", "failed")
                .description("espeak-ng runs that failed or timed out").register(registry);
        this.rejected = Counter.builder("hotline_tts_renders_rejected")
                .description("renders refused because hotline.tts.max-queued-renders were already waiting")
                .register(registry);
        registry.gauge("hotline_tts_render_queue", renderers, pool -> pool.getQueue().size());
    }

    void onStart(@Observes @Priority(PROBE_PRIORITY) StartupEvent event) {
        probe();
    }

    @PreDestroy
    void stop() {
        renderers.shutdownNow();
    }

    /**
     * Checks that the command runs and speaks the configured voice; blocking, so call it off the event loop.
     *
     * @return whether espeak-ng is usable
     */
    public boolean probe() {
        String version;
        try {
            version = firstLine(run(List.of(config.command(), "--version"), null).output().trim());
        } catch (IOException | SynthesisException e) {
            available = false;
            description = "missing: '" + config.command() + "' cannot be run (" + e.getMessage() + "); new or edited"
                    + " prompts cannot be rendered, stored and shipped audio still play. Install espeak-ng"
                    + " (apt-get install espeak-ng) or set hotline.tts.command";
            LOG.warn("espeak-ng " + description);
            return false;
        }
        try {
            render(PROBE_TEXT, config.voice());
        } catch (RuntimeException e) {
            available = false;
            description = "unusable: " + version + " cannot speak voice '" + config.voice() + "' (" + e.getMessage()
                    + "); new or edited prompts cannot be rendered, stored and shipped audio still play";
            LOG.warn("espeak-ng " + description);
            return false;
        }
        available = true;
        description = "available (" + version + ", voice " + config.voice() + ", " + config.speed() + " wpm)";
        LOG.info("espeak-ng " + description);
        return true;
    }

    @Override
    public CompletionStage<PcmAudio> synthesize(String text, String voice) {
        if (text == null || text.isBlank()) {
            return CompletableFuture.failedFuture(new SynthesisException("nothing to say: the text is empty"));
        }
        if (!available) {
            return CompletableFuture.failedFuture(new SynthesisException("espeak-ng " + description));
        }
        try {
            return CompletableFuture.supplyAsync(() -> countedRender(text, voice), renderers);
        } catch (RejectedExecutionException e) {
            rejected.increment();
            return CompletableFuture.failedFuture(new SynthesisException("too many renders waiting ("
                    + config.maxQueuedRenders() + "); try again later", e));
        }
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public String describe() {
        return description;
    }

    private PcmAudio countedRender(String text, String voice) {
        try {
            PcmAudio audio = render(text, voice);
            rendered.increment();
            return audio;
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
    }

    /** @return how many renders have run for {@link #synthesize} (successful or not), for tools and tests */
    long renderCount() {
        return (long) (rendered.count() + failed.count());
    }

    /** One complete render on the calling thread; blocking. */
    private PcmAudio render(String text, String voice) {
        if (voice == null || !VOICE.matcher(voice).matches()) {
            throw new SynthesisException("not a voice name: '" + voice + "'");
        }
        String spoken = normalizer.normalize(text, Region.forVoice(voice));
        List<String> command = List.of(config.command(), "-v", voice, "-s", Integer.toString(config.speed()),
                "-b", "1", "--stdin", "--stdout");
        Run result;
        try {
            result = run(command, spoken);
        } catch (IOException e) {
            throw new SynthesisException("espeak-ng could not be run: " + e.getMessage(), e);
        }
        PcmAudio wav;
        try {
            wav = WavReader.read(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new SynthesisException("espeak-ng wrote no usable WAV (" + e.getMessage() + ")" + stderrNote(result), e);
        }
        return SilenceTrimmer.trim(Resampler.toNarrowband(wav));
    }

    /** What one process run left behind. */
    private record Run(byte[] stdout, String stderr) {
        String output() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs {@code command} with {@code input} on its standard input. Output goes to temporary files rather than
     * pipes, so the process never blocks on a full pipe while we are still writing its input.
     */
    private Run run(List<String> command, String input) throws IOException {
        Path out = Files.createTempFile("espeak-", ".out");
        Path err = Files.createTempFile("espeak-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The process ended before reading everything: its exit status and stderr explain why.
                LOG.debugf("espeak-ng closed its input early: %s", e.getMessage());
            }
            boolean finished;
            try {
                finished = process.waitFor(config.renderTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new SynthesisException("interrupted while espeak-ng was running", e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new SynthesisException("espeak-ng took longer than " + config.renderTimeout()
                        + " (hotline.tts.render-timeout) and was stopped");
            }
            Run run = new Run(Files.readAllBytes(out), new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            if (process.exitValue() != 0) {
                throw new SynthesisException("espeak-ng exited with status " + process.exitValue() + stderrNote(run));
            }
            return run;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String stderrNote(Run run) {
        String text = run.stderr().trim();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text);
    }

    /** "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/..." → "eSpeak NG text-to-speech: 1.51". */
    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        int data = line.indexOf("Data at");
        return (data < 0 ? line : line.substring(0, data)).trim();
    }
}
