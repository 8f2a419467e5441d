package vn.dvc.hotline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * The periodic refresh of the catalogue's audio: it reads the catalogue whole only when a row changed, as when
 * another instance of the service (here: plain SQL behind this one's back) edited it.
 */
@QuarkusTest
class CatalogPromptsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    CatalogPrompts catalogPrompts;

    @Inject
    PromptLibrary prompts;

    @Inject
    Pool pool;

    @Test
    void aRefreshReadsTheCatalogueOnlyAfterARowChanged() {
        refreshAndWait(); // whatever earlier tests changed is synced now
        String agency = pool.query("SELECT min(code) FROM agency").execute().await().atMost(DEADLINE).iterator()
                .next().getString(0);
        String address = pool.preparedQuery("SELECT address FROM agency WHERE code = $1").execute(Tuple.of(agency))
                .await().atMost(DEADLINE).iterator().next().getString(0);
        String key = CatalogScripts.agencyKey(agency);
        int reads = catalogPrompts.catalogueReads();

        refreshAndWait();
        assertEquals(reads, catalogPrompts.catalogueReads(), "nothing changed: only the digest was read");

        String moved = address + ", cơ sở hai";
        try {
            setAddress(agency, moved);
            refreshAndWait();
            assertEquals(reads + 1, catalogPrompts.catalogueReads(), "a changed row: the catalogue is read");
            waitFor(() -> prompts.info(key).map(PromptInfo::text).orElse("").contains("cơ sở hai"),
                    "the agency's prompt speaks the address written behind the service's back");
            refreshAndWait();
            assertEquals(reads + 1, catalogPrompts.catalogueReads(), "once per change");
        } finally {
            setAddress(agency, address);
            refreshAndWait();
        }
        waitFor(() -> !prompts.info(key).map(PromptInfo::text).orElse("").contains("cơ sở hai"), "restored");
    }

    private void setAddress(String agency, String address) {
        pool.preparedQuery("UPDATE agency SET address = $1 WHERE code = $2").execute(Tuple.of(address, agency))
                .await().atMost(DEADLINE);
    }

    /** What the scheduler does every {@code hotline.tts.refresh-interval}, then waits until every sync asked ran. */
    private void refreshAndWait() {
        int before = catalogPrompts.completedSyncs();
        catalogPrompts.refresh();
        waitFor(() -> catalogPrompts.idle() && catalogPrompts.completedSyncs() > before, "the refresh's sync");
    }

    /** Polls {@code condition} until it holds; a deadline, not a timing assertion. */
    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
