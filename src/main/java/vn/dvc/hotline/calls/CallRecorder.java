package vn.dvc.hotline.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes call records in batches, so that a call never waits for the database: calls hand over snapshots (one at
 * answer, one per recorded step, one at the end) and a flush every {@value #FLUSH_MILLIS} ms upserts the newest of
 * each call in one statement, then the calls' ratings in another (table {@code rating}). The row written at answer
 * means a call is on record even if the process dies while it is up.
 *
 * <p>Thread model: {@link #save} is safe from any thread (a lock-free queue). Flushes run one at a time; a flush
 * builds its batch on a worker thread, not on the event loop whose timer fired it (every loop paces calls' audio),
 * and the database work is asynchronous.
 */
@ApplicationScoped
public class CallRecorder {

    static final long FLUSH_MILLIS = 250;
    private static final int MAX_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(CallRecorder.class);
    private static final String UPSERT = """
            INSERT INTO call_record (call_id, trunk_address, caller_masked, called_number, started_at, answered_at,
                                     ended_at, end_reason, reject_status, codec, dtmf_mode, menu_path, procedures,
                                     lookups, packets_sent, packets_received, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13::text::jsonb,
                    $14::text::jsonb, $15, $16, now())
            ON CONFLICT (call_id) DO UPDATE SET
                answered_at = coalesce(EXCLUDED.answered_at, call_record.answered_at),
                ended_at = coalesce(EXCLUDED.ended_at, call_record.ended_at),
                end_reason = coalesce(EXCLUDED.end_reason, call_record.end_reason),
                reject_status = coalesce(EXCLUDED.reject_status, call_record.reject_status),
                codec = coalesce(EXCLUDED.codec, call_record.codec),
                dtmf_mode = coalesce(EXCLUDED.dtmf_mode, call_record.dtmf_mode),
                menu_path = EXCLUDED.menu_path, procedures = EXCLUDED.procedures, lookups = EXCLUDED.lookups,
                packets_sent = EXCLUDED.packets_sent, packets_received = EXCLUDED.packets_received,
                updated_at = now()
            """;

    /** One rating per call (V3's unique index); a later snapshot of the same call rewrites it. */
    private static final String UPSERT_RATING = """
            INSERT INTO rating (call_id, score, procedure_code, dossier_code, rated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (call_id) DO UPDATE SET score = EXCLUDED.score, procedure_code = EXCLUDED.procedure_code,
                dossier_code = EXCLUDED.dossier_code, rated_at = EXCLUDED.rated_at
            """;

    private static final String EMPTY_LIST_JSON = "[]";
    private final Pool pool;
    private final Vertx vertx;
    /** The application's mapper: ISO dates, the same as the calls API reads back. */
    private final ObjectMapper json;
    private final ConcurrentLinkedQueue<CallRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    CallRecorder(Pool pool, Vertx vertx, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
        this.vertx = vertx;
    }

    /** Snapshots queued and not yet taken by a flush (tests). */
    int queued() {
        return pending.size();
    }

    /** Queues a snapshot; the newest snapshot of a call wins. */
    public void save(CallRecord record) {
        pending.add(record);
    }

    /** A Vert.x periodic rather than the scheduler, which runs nothing more often than once a second. */
    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(FLUSH_MILLIS, id -> flush().subscribe().with(ignored -> { }));
    }

    /** Writes what is queued; completes when the batch is stored (or failed, which is logged). */
    public Uni<Void> flush() {
        return flush(Infrastructure.getDefaultWorkerPool());
    }

    /** @param batchBuilder where the batch is built: a worker, or at shutdown the shutdown thread itself */
    private Uni<Void> flush(Executor batchBuilder) {
        if (pending.isEmpty() || !flushing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(this::nextBatch)
                .runSubscriptionOn(batchBuilder)
                .flatMap(this::store)
                .eventually(() -> flushing.set(false));
    }

    /** The rows of one flush: rows for the calls, then rows for their ratings. */
    private record Batch(List<Tuple> calls, List<Tuple> ratings) {
    }

    private Batch nextBatch() {
        // A call may have queued several snapshots since the last flush: only its newest is written.
        Map<String, CallRecord> newest = new LinkedHashMap<>();
        CallRecord record;
        while (newest.size() < MAX_BATCH && (record = pending.poll()) != null) {
            newest.put(record.callId(), record);
        }
        List<Tuple> calls = new ArrayList<>(newest.size());
        List<Tuple> ratings = new ArrayList<>();
        for (CallRecord latest : newest.values()) {
            calls.add(toTuple(latest));
            if (latest.rating() != null) {
                CallRecord.Rating rating = latest.rating();
                ratings.add(Tuple.of(latest.callId(), (short) rating.score(), rating.procedureCode(),
                        rating.dossierCode(), at(rating.at())));
            }
        }
        return new Batch(calls, ratings);
    }

    private Uni<Void> store(Batch batch) {
        // Ratings after their calls' rows, which they reference.
        return pool.preparedQuery(UPSERT).executeBatch(batch.calls())
                .flatMap(stored -> batch.ratings().isEmpty() ? Uni.createFrom().nullItem()
                        : pool.preparedQuery(UPSERT_RATING).executeBatch(batch.ratings()))
                .onFailure().invoke(e -> LOG.errorf(e, "Could not store %d call record(s) and %d rating(s)",
                        batch.calls().size(), batch.ratings().size()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One menu step as JSON, the way {@link CallHistory} reads it back; a call writes each step once. */
    String json(MenuStep step) {
        return toJson(step);
    }

    /** After the drain and after SIP stops, so that the last calls' ends are on record. */
    void onStop(@Observes @Priority(5000) ShutdownEvent event) throws InterruptedException {
        // Shutdown runs on its own thread, where waiting is allowed: the last records must not be lost. Their batch
        // is built here too, so it does not depend on the worker pool while the application stops.
        // A periodic flush may have taken the last records and still be storing them: wait for it too.
        for (int i = 0; i < 50 && (!pending.isEmpty() || flushing.get()); i++) {
            if (flushing.get()) {
                Thread.sleep(100);
            } else {
                flush(Runnable::run).await().atMost(Duration.ofSeconds(5));
            }
        }
    }

    private Tuple toTuple(CallRecord r) {
        return Tuple.tuple()
                .addString(r.callId()).addString(r.trunkAddress()).addString(r.callerMasked())
                .addString(r.calledNumber()).addOffsetDateTime(at(r.startedAt()))
                .addOffsetDateTime(at(r.answeredAt())).addOffsetDateTime(at(r.endedAt()))
                .addString(r.endReason()).addInteger(r.rejectStatus()).addString(r.codec()).addString(r.dtmfMode())
                .addString(menuPathJson(r.menuPath())).addString(toJson(r.procedures())).addString(toJson(r.lookups()))
                .addLong(r.packetsSent()).addLong(r.packetsReceived());
    }

    /** A live call's path already knows its JSON; other lists (tests, records read back) are written here. */
    private String menuPathJson(List<MenuStep> path) {
        return path instanceof MenuPath.Steps steps ? steps.json() : toJson(path);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        if (value == null || value instanceof Collection<?> list && list.isEmpty()) {
            // most calls look nothing up: every flush wrote "[]" twice through a new Jackson generator per row
            return EMPTY_LIST_JSON;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Call record fields are plain lists and records", e);
        }
    }
}
