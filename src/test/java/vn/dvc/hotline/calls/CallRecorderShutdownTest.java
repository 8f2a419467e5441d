package vn.dvc.hotline.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder's last flush at shutdown stores every record still queued, over several batches. */
@QuarkusTest
class CallRecorderShutdownTest {

    private static final int CALLS = 1_201; // three batches of at most 500

    @Inject
    CallRecorder recorder;

    @Inject
    Pool pool;

    @Test
    void shutdownStoresEveryQueuedRecordAndTheNewestSnapshotOfEachCall() throws Exception {
        String prefix = "shutdown-" + System.nanoTime() + "-";
        Instant started = Instant.now();
        for (int i = 0; i < CALLS; i++) {
            recorder.save(record(prefix + i, started, null));
        }
        recorder.save(record(prefix + 7, started, "caller-bye"));

        // The periodic flush keeps running meanwhile, as it does while the application stops.
        recorder.onStop(new ShutdownEvent());

        Row stored = pool.preparedQuery("SELECT count(*), count(*) FILTER (WHERE end_reason = 'caller-bye') "
                + "FROM call_record WHERE call_id LIKE $1").execute(Tuple.of(prefix + "%"))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(CALLS, stored.getLong(0), "every queued call on record when the shutdown observer returns");
        assertEquals(1, stored.getLong(1), "the newest snapshot of a call wins");
    }

    @Test
    void shutdownWaitsForAFlushThatHasTakenTheLastRecordsButNotStoredThem() throws Exception {
        String prefix = "in-flight-" + System.nanoTime() + "-";
        for (int i = 0; i < 400; i++) {
            recorder.save(record(prefix + i, Instant.now(), "caller-bye"));
        }
        // A flush (as the periodic one) takes the whole queue; the shutdown comes while it stores.
        recorder.flush().subscribe().with(ignored -> { });
        while (recorder.queued() > 0) {
            Thread.onSpinWait();
        }
        recorder.onStop(new ShutdownEvent());

        long stored = pool.preparedQuery("SELECT count(*) FROM call_record WHERE call_id LIKE $1")
                .execute(Tuple.of(prefix + "%")).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(400, stored, "the flush in flight finished before the shutdown observer returned");
    }

    private static CallRecord record(String callId, Instant started, String endReason) {
        return new CallRecord(callId, "127.0.0.1", "09******01", "1900", started, started,
                endReason == null ? null : started.plusSeconds(30), endReason, null, "PCMU", "rfc4733",
                List.of(), List.of(), List.of(), null, 10, 10);
    }
}
