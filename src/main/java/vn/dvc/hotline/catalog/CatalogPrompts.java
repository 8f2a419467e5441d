package vn.dvc.hotline.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.ops.DatabaseMigration;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * Keeps the audio of the catalogue's prompts ({@link CatalogScripts}) in step with the data: at start (in the
 * background, after the menu's prompts: calls are answered meanwhile), after every committed catalogue write
 * ({@link CatalogChanged}), and every {@code hotline.tts.refresh-interval} (which is how edits made through another
 * instance of the service reach this one).
 *
 * <p>Each sync first reads a digest of every procedure and agency row, computed by PostgreSQL: if it is the digest of
 * the last sync that succeeded, nothing changed and the sync ends there. The rows are decoded on an event loop, the
 * loops that pace the calls, so the periodic refresh reads one row unless the catalogue changed. Otherwise the sync
 * reads every procedure and agency in two queries on the reactive pool, computes every script, and hands
 * the {@link PromptLibrary} only the scripts whose text differs from what the library holds (an agency edit changes the
 * {@code .where} script of each of its procedures); scripts whose procedure or agency is gone are forgotten. The
 * library publishes each new clip by swapping its entry, so a call keeps playing the clip object it started and the
 * next play gets the new one. Holidays and fields are not spoken in any script today, so their changes re-check and
 * find nothing to render.
 *
 * <p>Thread model: {@link #requestSync} may be called from any thread and never blocks (event loops included).
 * Syncs never overlap: a request while one runs makes exactly one more run after it, however many requests came.
 * The reads run on the pool's event loop; composing and comparing the scripts on a worker thread; the renders on the
 * library's preparation thread.
 */
@ApplicationScoped
public class CatalogPrompts {

    /** Start-up priority: after the catalogue seed and the menu, whose prompts callers hear first. */
    public static final int PRIORITY = DatabaseMigration.PRIORITY + 50;
    private static final Logger LOG = Logger.getLogger(CatalogPrompts.class);

    private static final String PROCEDURES = "SELECT " + ProcedureCatalog.PROCEDURE_COLUMNS
            + " FROM procedure ORDER BY code";
    private static final String AGENCIES = "SELECT code, name, address, phone, working_hours,"
            + " opening_hours::text AS hours_json FROM agency ORDER BY code";
    /** One row: a digest of every procedure and agency row as PostgreSQL prints them (any column changed, any row). */
    private static final String DIGEST = "SELECT md5("
            + "coalesce((SELECT string_agg(p::text, E'\\n' ORDER BY p.code) FROM procedure p), '') || E'\\f' || "
            + "coalesce((SELECT string_agg(a::text, E'\\n' ORDER BY a.code) FROM agency a), ''))";
    /** Scripts per hand-over to the library; well under {@code hotline.tts.max-queued-renders}. */
    static final int BATCH = 50;
    private static final JsonColumn.Hours HOURS = new JsonColumn.Hours();

    private final Pool pool;
    private final PromptLibrary prompts;
    /** Requests not yet served by a finished sync; the one that raises it from 0 starts the sync. */
    private final AtomicInteger requests = new AtomicInteger();
    /** The scripts as of the last sync; only touched by the one sync running. */
    private volatile Map<String, String> synced = Map.of();
    private final AtomicInteger completedSyncs = new AtomicInteger();
    /** The digest ({@link #DIGEST}) of the catalogue the last successful sync prepared; null before the first. */
    private volatile String syncedDigest;
    private final AtomicInteger catalogueReads = new AtomicInteger();
    private volatile boolean started;

    CatalogPrompts(Pool pool, PromptLibrary prompts) {
        this.pool = pool;
        this.prompts = prompts;
    }

    /** Prepares the catalogue's audio in the background: calls are answered meanwhile. */
    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        started = true;
        requestSync();
    }

    /** Changes before start (the seed) are covered by the start's sync; they must not delay the menu's prompts. */
    void onChange(@Observes CatalogChanged change) {
        if (started) {
            LOG.debugf("Catalogue change %s %s: syncing its audio", change.kind(), change.code());
            requestSync();
        }
    }

    @Scheduled(every = "${hotline.tts.refresh-interval:30s}", delayed = "${hotline.tts.refresh-interval:30s}")
    void refresh() {
        if (started) {
            requestSync();
        }
    }

    /** Asks for a sync soon; returns at once. */
    public void requestSync() {
        if (requests.getAndIncrement() == 0) {
            runSync();
        }
    }

    /** @return every catalogue script as of the last sync, key → text */
    public Map<String, String> scripts() {
        return synced;
    }

    /** @return how many syncs have finished since start (tests wait on it) */
    public int completedSyncs() {
        return completedSyncs.get();
    }

    /** @return whether no sync is running or asked for */
    boolean idle() {
        return requests.get() == 0;
    }

    /** @return how many syncs found the catalogue changed and read it whole */
    int catalogueReads() {
        return catalogueReads.get();
    }

    private void runSync() {
        int served = requests.get();
        long started = System.nanoTime();
        sync().subscribe().with(changed -> finished(served, started, changed), failure -> {
            LOG.warnf("Catalogue audio sync failed, retried at the next change or refresh: %s", failure.toString());
            finished(served, started, -1);
        });
    }

    private void finished(int served, long started, int changed) {
        completedSyncs.incrementAndGet();
        if (changed > 0) {
            LOG.infof("Catalogue audio: %d scripts prepared in %d ms", changed,
                    (System.nanoTime() - started) / 1_000_000);
        }
        if (requests.addAndGet(-served) > 0) {
            runSync();
        }
    }

    /** @return how many scripts were handed to the library */
    private Uni<Integer> sync() {
        return pool.query(DIGEST).execute().map(rows -> rows.iterator().next().getString(0)).flatMap(digest -> {
            if (digest.equals(syncedDigest)) {
                return Uni.createFrom().item(0);
            }
            catalogueReads.incrementAndGet();
            // A write after the digest was read makes the next digest differ: it is read again then.
            return prepareAll().invoke(prepared -> syncedDigest = digest);
        });
    }

    private Uni<Integer> prepareAll() {
        return pool.query(AGENCIES).execute().flatMap(agencyRows -> pool.query(PROCEDURES).execute()
                // Composing every script (numbers and dates read out, per procedure) is real CPU work, run every
                // refresh in code the JIT leaves cold: off the event loop, which may be pacing thousands of calls.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(procedureRows -> {
                    Map<String, Agency> agencies = new LinkedHashMap<>();
                    for (Row row : agencyRows) {
                        Agency agency = agency(row);
                        agencies.put(agency.code, agency);
                    }
                    List<Procedure> procedures = new ArrayList<>();
                    for (Row row : procedureRows) {
                        procedures.add(ProcedureCatalog.fromRow(row));
                    }
                    return CatalogScripts.all(procedures, agencies);
                }))
                .flatMap(scripts -> {
                    Map<String, String> previous = synced;
                    Map<String, String> changed = new LinkedHashMap<>();
                    for (Map.Entry<String, String> script : scripts.entrySet()) {
                        // Compared with what the library holds, not with the last sync: self-healing if anything
                        // else prepared the key with another text.
                        Optional<PromptInfo> held = prompts.info(script.getKey());
                        if (held.isEmpty() || !held.get().text().equals(script.getValue())) {
                            changed.put(script.getKey(), script.getValue());
                        }
                    }
                    Set<String> removed = new HashSet<>(previous.keySet());
                    removed.removeAll(scripts.keySet());
                    if (!removed.isEmpty()) {
                        LOG.infof("Catalogue audio: %s removed", removed);
                        prompts.forget(removed);
                    }
                    synced = Map.copyOf(scripts);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    if (!previous.isEmpty()) {
                        LOG.infof("Catalogue changed: preparing the audio of %s", changed.keySet());
                    }
                    return ensureInBatches(new ArrayList<>(changed.entrySet()), 0).replaceWith(changed.size());
                });
    }

    /**
     * Hands the library {@value #BATCH} scripts at a time: a whole catalogue to render (a new voice, a deployment's
     * own procedures) never overflows the synthesiser's queue, and a menu edit waits for one batch, not for all.
     */
    private Uni<Void> ensureInBatches(List<Map.Entry<String, String>> scripts, int from) {
        if (from >= scripts.size()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> batch = new LinkedHashMap<>();
        for (Map.Entry<String, String> script : scripts.subList(from, Math.min(scripts.size(), from + BATCH))) {
            batch.put(script.getKey(), script.getValue());
        }
        return prompts.ensure(batch).flatMap(done -> ensureInBatches(scripts, from + BATCH));
    }

    private static Agency agency(Row row) {
        Agency agency = new Agency();
        agency.code = row.getString("code");
        agency.name = row.getString("name");
        agency.address = row.getString("address");
        agency.phone = row.getString("phone");
        agency.workingHours = row.getString("working_hours");
        agency.openingHours = HOURS.convertToEntityAttribute(row.getString("hours_json"));
        return agency;
    }
}
