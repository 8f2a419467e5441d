package vn.dvc.hotline.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;
import vn.dvc.hotline.media.Resampler;
import vn.dvc.hotline.media.WavReader;

/**
 * The audio every prompt plays, prepared once and held in memory as {@link EncodedClip}s, keyed by prompt key (a
 * menu node's key, or a {@code system.*} key).
 *
 * <p>Where a prompt's audio comes from, in order, for its current text and the configured voice (the pair is
 * identified by {@link #textHash}: sha-256 of the voice and the text as the normaliser rewrites it, so texts that
 * sound the same share audio and a change to the normaliser's output brings a new render):
 * <ol>
 *   <li>the {@code prompt} row, if it serves the text: a staff {@link PromptSource#UPLOAD} serves as long as the
 *       prompt's text is the one it was uploaded for (it survives a voice change; an editor changing that text
 *       replaces it with speech synthesis), any other row serves while its hash matches;</li>
 *   <li>audio shipped with the service, {@code prompts/shipped/<hash>.ulaw} on the classpath, rendered by
 *       {@code tools/render-prompts.sh}, stored as {@link PromptSource#SHIPPED};</li>
 *   <li>the disk cache {@code <hotline.tts.cache-dir>/<hash>.ulaw}, left by an earlier render on this volume;</li>
 *   <li>a render with the {@link SpeechSynthesizer} (espeak-ng), stored as {@link PromptSource#TTS} and written to
 *       the disk cache;</li>
 *   <li>nothing possible (espeak-ng missing or failing): a warning naming the key, and the previous audio, if any,
 *       keeps playing ({@link PromptInfo#audioCurrent()} tells editors so).</li>
 * </ol>
 * The database is the source of truth: every instance converges on its rows, and a periodic refresh
 * ({@code hotline.tts.refresh-interval}) picks up audio uploaded or rendered by another instance.
 *
 * <p>Thread model: {@link #clip} and the listing methods read a concurrent map without locking and may be called
 * from any thread, event loops included; a clip, once published, never changes, so a call playing it is not
 * disturbed by an edit, and the next play gets the new clip. All preparation ({@link #ensure}, {@link #upload}, the
 * refresh) runs on one dedicated daemon thread, one job at a time, so two edits of one prompt never race; that
 * thread may block on the database, files and renders, which themselves run on the synthesiser's bounded pool.
 * The {@link Uni}s returned complete on that thread.
 */
@ApplicationScoped
public class PromptLibrary {

    /** Classpath folder of the audio shipped with the service; {@code index.json} there lists it by key. */
    public static final String SHIPPED_RESOURCES = "prompts/shipped/";
    /** Longest accepted upload: a prompt, not a programme. */
    public static final Duration MAX_UPLOAD_DURATION = Duration.ofMinutes(5);

    /** What {@link Readouts#PAUSE} plays: 300 ms, a listener's breath between groups of digits. */
    private static final EncodedClip PAUSE = EncodedClip.silence(15);
    private static final Logger LOG = Logger.getLogger(PromptLibrary.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final VietnameseTextNormalizer NORMALIZER = new VietnameseTextNormalizer();

    private static final String SELECT_META =
            "SELECT key, text, source, text_hash, updated_at FROM prompt WHERE key = ANY($1)";
    private static final String SELECT_AUDIO = "SELECT audio_ulaw FROM prompt WHERE key = $1";
    /**
     * Writes a prompt's audio, except over an upload that still serves the same text: another instance may have
     * stored one since this one looked.
     */
    private static final String UPSERT = "INSERT INTO prompt"
            + " (key, text, voice, source, text_hash, audio_ulaw, duration_ms, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, now())"
            + " ON CONFLICT (key) DO UPDATE SET text = EXCLUDED.text, voice = EXCLUDED.voice,"
            + " source = EXCLUDED.source, text_hash = EXCLUDED.text_hash, audio_ulaw = EXCLUDED.audio_ulaw,"
            + " duration_ms = EXCLUDED.duration_ms, updated_at = now()"
            + " WHERE EXCLUDED.source = 'UPLOAD' OR prompt.source <> 'UPLOAD' OR prompt.text <> EXCLUDED.text"
            + " RETURNING updated_at";

    /** What the library holds for one key; the clip and its description change together. */
    private record Entry(String key, String text, String textHash, EncodedClip clip, PromptSource source,
            String audioText, String audioHash, OffsetDateTime updatedAt) {

        static Entry silent(String key, String text, String textHash) {
            return new Entry(key, text, textHash, null, null, null, null, null);
        }

        Entry withText(String newText, String newHash) {
            return new Entry(key, newText, newHash, clip, source, audioText, audioHash, updatedAt);
        }

        boolean current() {
            if (clip == null) {
                return false;
            }
            return source == PromptSource.UPLOAD ? text.equals(audioText) : textHash.equals(audioHash);
        }

        PromptInfo info(String voice) {
            return new PromptInfo(key, text, voice, source, clip == null ? null : (int) clip.durationMillis(),
                    updatedAt, current());
        }
    }

    /** A prompt row without its audio. */
    private record StoredRow(String text, PromptSource source, String textHash, OffsetDateTime updatedAt) {

        boolean serves(String wantedText, String wantedHash) {
            return source == PromptSource.UPLOAD ? text.equals(wantedText) : textHash.equals(wantedHash);
        }
    }

    private final Pool pool;
    private final SpeechSynthesizer synthesizer;
    private final TtsConfig config;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService preparation = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "prompt-preparation");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean diskCacheWarned;

    PromptLibrary(Pool pool, SpeechSynthesizer synthesizer, TtsConfig config) {
        this.pool = pool;
        this.synthesizer = synthesizer;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        preparation.shutdownNow();
    }

    /**
     * The audio to play for a prompt: what calls read, lock-free, from any thread.
     *
     * @return the current clip, or empty if the key is unknown or has no audio (yet)
     */
    public Optional<EncodedClip> clip(String key) {
        if (Readouts.PAUSE.equals(key)) {
            return Optional.of(PAUSE);
        }
        Entry entry = key == null ? null : entries.get(key);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.clip());
    }

    /** @return what is known about the prompt with this key, if the key is known */
    public Optional<PromptInfo> info(String key) {
        Entry entry = key == null ? null : entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.info(config.voice()));
    }

    /** @return every known prompt, by key */
    public List<PromptInfo> list() {
        List<PromptInfo> all = new ArrayList<>();
        for (Entry entry : entries.values()) {
            all.add(entry.info(config.voice()));
        }
        all.sort(Comparator.comparing(PromptInfo::key));
        return all;
    }

    /** @return the voice new audio is rendered with ({@code hotline.tts.voice}) */
    public String voice() {
        return config.voice();
    }

    /**
     * Makes sure each prompt has audio for its text, as described on the class. Prompts not named are left alone;
     * unchanged prompts cost one database query for all of them together.
     *
     * @param keyToText prompt key → the text it should say
     * @return completes, on the preparation thread, when every named prompt has the best audio it can get; a
     *         prompt that cannot get audio is logged, not failed
     */
    public Uni<Void> ensure(Map<String, String> keyToText) {
        Map<String, String> wanted = new LinkedHashMap<>(keyToText);
        return prepare(() -> {
            ensureNow(wanted);
            return null;
        });
    }

    /**
     * Forgets prompts that no longer exist (menu nodes removed by an edit). Their rows stay in the database, where
     * they cost little and bring the audio back if the node returns with the same text.
     */
    public void forget(Collection<String> keys) {
        for (String key : keys) {
            entries.remove(key);
        }
    }

    /**
     * Replaces a prompt's audio with a staff recording, used until an editor changes the prompt's text.
     *
     * @param wav a WAV file in any format {@link WavReader} reads; resampled to 8 kHz and encoded as calls play it
     * @return the prompt as stored; fails with {@link NoSuchPromptException} for an unknown key and
     *         {@link InvalidRecordingException} for a file that cannot be used
     */
    public Uni<PromptInfo> upload(String key, byte[] wav) {
        return prepare(() -> uploadNow(key, wav));
    }

    /** Re-checks every known prompt against the database, to pick up other instances' work. */
    @Scheduled(every = "${hotline.tts.refresh-interval:30s}", delayed = "${hotline.tts.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Map<String, String> texts = new HashMap<>();
        entries.values().forEach(entry -> texts.put(entry.key(), entry.text()));
        return texts.isEmpty() ? Uni.createFrom().voidItem() : ensure(texts);
    }

    /**
     * The identity of a text spoken in a voice: lower-case hex sha-256 of {@code voice + "\n" + spoken} (UTF-8),
     * where {@code spoken} is the text after {@link VietnameseTextNormalizer} for the voice's region: what espeak-ng
     * is actually given. The {@code prompt.text_hash} column, the disk cache and the shipped audio are keyed by it.
     * A voice that is not Vietnamese (espeak-ng cannot use it anyway) hashes the text as written.
     */
    public static String textHash(String voice, String text) {
        String spoken;
        try {
            spoken = NORMALIZER.normalize(text, Region.forVoice(voice));
        } catch (IllegalArgumentException e) {
            spoken = text;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((voice + "\n" + spoken).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The text's hash, reused from the entry that already serves the same text: the periodic refreshes
     * re-check every prompt every 30 s, and normalising and hashing hundreds of unchanged texts each time is
     * work for nothing on a box busy with calls. The voice is fixed for the process's life.
     */
    private static String hashOf(String voice, String text, Entry old) {
        if (old != null && old.textHash() != null && text.equals(old.text())) {
            return old.textHash();
        }
        return textHash(voice, text);
    }

    private <T> Uni<T> prepare(Supplier<T> work) {
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(work, preparation));
    }

    private void ensureNow(Map<String, String> wanted) {
        String voice = config.voice();
        Map<String, StoredRow> rows = loadRows(wanted.keySet());
        Map<String, CompletableFuture<PcmAudio>> renders = new LinkedHashMap<>();
        for (Map.Entry<String, String> want : wanted.entrySet()) {
            String key = want.getKey();
            String text = want.getValue();
            if (text == null || text.isBlank()) {
                LOG.warnf("Prompt '%s' has no text; it stays silent", key);
                continue;
            }
            Entry old = entries.get(key);
            String hash = hashOf(voice, text, old);
            StoredRow row = rows.get(key);
            if (row != null && row.serves(text, hash)) {
                if (old != null && old.clip() != null && row.updatedAt().equals(old.updatedAt())) {
                    entries.put(key, old.withText(text, hash));
                } else {
                    entries.put(key, fromRow(key, text, hash, row));
                }
                continue;
            }
            byte[] shipped = shipped(hash);
            if (shipped != null) {
                store(key, text, hash, shipped, PromptSource.SHIPPED);
                continue;
            }
            byte[] cached = readDiskCache(hash);
            if (cached != null) {
                store(key, text, hash, cached, PromptSource.TTS);
                continue;
            }
            if (!synthesizer.available()) {
                keepPrevious(key, text, hash, old, row, "espeak-ng " + synthesizer.describe());
                continue;
            }
            renders.put(key, synthesizer.synthesize(text, voice).toCompletableFuture());
        }
        for (Map.Entry<String, CompletableFuture<PcmAudio>> render : renders.entrySet()) {
            String key = render.getKey();
            String text = wanted.get(key);
            String hash = textHash(voice, text);
            try {
                long started = System.nanoTime();
                byte[] ulaw = EncodedClip.fromPcm(render.getValue().join()).toByteArray(Law.PCMU);
                writeDiskCache(hash, ulaw);
                store(key, text, hash, ulaw, PromptSource.TTS);
                LOG.debugf("Prompt '%s' rendered (%d ms of audio, waited %d ms)", key,
                        ulaw.length / 8, (System.nanoTime() - started) / 1_000_000);
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                keepPrevious(key, text, hash, entries.get(key), rows.get(key), cause.getMessage());
            }
        }
    }

    /** No audio for the new text: keep what played before (from memory, else from the stale row), and say so. */
    private void keepPrevious(String key, String text, String hash, Entry old, StoredRow row, String reason) {
        Entry kept;
        if (old != null && old.clip() != null) {
            kept = old.withText(text, hash);
        } else if (row != null) {
            kept = fromRow(key, text, hash, row);
        } else {
            kept = Entry.silent(key, text, hash);
        }
        entries.put(key, kept);
        LOG.warnf("Prompt '%s' has no audio for its current text: %s. %s", key, reason,
                kept.clip() != null ? "Its previous audio keeps playing." : "Callers hear nothing for it.");
    }

    private PromptInfo uploadNow(String key, byte[] wav) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new NoSuchPromptException(key);
        }
        PcmAudio audio;
        try {
            audio = WavReader.read(wav);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordingException(e.getMessage());
        }
        if (audio.length() == 0) {
            throw new InvalidRecordingException("the recording has no samples");
        }
        if (audio.durationMillis() > MAX_UPLOAD_DURATION.toMillis()) {
            throw new InvalidRecordingException("the recording lasts " + audio.durationMillis() / 1000
                    + " s; prompts may last at most " + MAX_UPLOAD_DURATION.toSeconds() + " s");
        }
        byte[] ulaw = EncodedClip.fromPcm(Resampler.toNarrowband(audio)).toByteArray(Law.PCMU);
        store(key, entry.text(), entry.textHash(), ulaw, PromptSource.UPLOAD);
        LOG.infof("Prompt '%s' now plays an uploaded recording (%d ms)", key, ulaw.length / 8);
        return entries.get(key).info(config.voice());
    }

    /** Writes the row and publishes the clip; if a newer upload won the row, publishes that instead. */
    private void store(String key, String text, String hash, byte[] ulaw, PromptSource source) {
        EncodedClip clip = EncodedClip.fromG711(Law.PCMU, ulaw);
        Tuple values = Tuple.tuple().addString(key).addString(text).addString(config.voice())
                .addString(source.name()).addString(hash).addBuffer(Buffer.buffer(ulaw))
                .addInteger((int) clip.durationMillis());
        RowSet<Row> written = pool.preparedQuery(UPSERT).execute(values).await().atMost(DB_TIMEOUT);
        if (written.rowCount() == 0) {
            StoredRow row = loadRows(List.of(key)).get(key);
            if (row != null) {
                LOG.infof("Prompt '%s': an uploaded recording for this text was stored meanwhile; using it", key);
                entries.put(key, fromRow(key, text, hash, row));
                return;
            }
        }
        OffsetDateTime updatedAt = written.rowCount() == 0 ? null : written.iterator().next().getOffsetDateTime(0);
        entries.put(key, new Entry(key, text, hash, clip, source, text, hash, updatedAt));
    }

    private Entry fromRow(String key, String text, String hash, StoredRow row) {
        RowSet<Row> audio = pool.preparedQuery(SELECT_AUDIO).execute(Tuple.of(key)).await().atMost(DB_TIMEOUT);
        byte[] ulaw = audio.iterator().next().getBuffer(0).getBytes();
        return new Entry(key, text, hash, EncodedClip.fromG711(Law.PCMU, ulaw), row.source(), row.text(),
                row.textHash(), row.updatedAt());
    }

    private Map<String, StoredRow> loadRows(Collection<String> keys) {
        Map<String, StoredRow> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        RowSet<Row> result = pool.preparedQuery(SELECT_META).execute(Tuple.of(keys.toArray(new String[0])))
                .await().atMost(DB_TIMEOUT);
        for (Row row : result) {
            rows.put(row.getString("key"), new StoredRow(row.getString("text"),
                    PromptSource.valueOf(row.getString("source")), row.getString("text_hash"),
                    row.getOffsetDateTime("updated_at")));
        }
        return rows;
    }

    /**
     * Audio already made for a text hash, without rendering: a prompt in memory that says it, the shipped audio, or
     * the disk cache. Reads files: call it off the event loop.
     *
     * @return µ-law audio, or null if there is none
     */
    byte[] existingAudio(String hash) {
        for (Entry entry : entries.values()) {
            if (entry.clip() != null && hash.equals(entry.audioHash()) && entry.source() != PromptSource.UPLOAD) {
                return entry.clip().toByteArray(Law.PCMU);
            }
        }
        byte[] shipped = shipped(hash);
        return shipped != null ? shipped : readDiskCache(hash);
    }

    /** Keeps a render made elsewhere (a preview) in the disk cache, so the prompt that later says it need not render. */
    void cacheRender(String hash, byte[] ulaw) {
        writeDiskCache(hash, ulaw);
    }

    /** @return the shipped µ-law audio for this text hash, or null */
    static byte[] shipped(String hash) {
        try (InputStream in = PromptLibrary.class.getClassLoader()
                .getResourceAsStream(SHIPPED_RESOURCES + hash + ".ulaw")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            LOG.warnf("Cannot read shipped prompt audio %s: %s", hash, e.getMessage());
            return null;
        }
    }

    private byte[] readDiskCache(String hash) {
        try {
            byte[] bytes = Files.readAllBytes(config.cacheDir().resolve(hash + ".ulaw"));
            return bytes.length == 0 ? null : bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            warnDiskCache(e);
            return null;
        }
    }

    /** Writes through a temporary file and a rename, so another instance never reads half a file. */
    private void writeDiskCache(String hash, byte[] ulaw) {
        try {
            Path folder = Files.createDirectories(config.cacheDir());
            Path temporary = Files.createTempFile(folder, hash, ".part");
            Files.write(temporary, ulaw);
            Path target = folder.resolve(hash + ".ulaw");
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            warnDiskCache(e);
        }
    }

    /** The cache only saves renders: a read-only or full volume is worth one warning, not one per prompt. */
    private void warnDiskCache(IOException e) {
        if (!diskCacheWarned) {
            diskCacheWarned = true;
            LOG.warnf("Prompt disk cache %s is not usable (%s); renders are kept in the database only",
                    config.cacheDir(), e.toString());
        }
    }
}
