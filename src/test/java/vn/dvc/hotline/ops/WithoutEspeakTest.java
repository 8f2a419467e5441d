package vn.dvc.hotline.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.catalog.CatalogScripts;
import vn.dvc.hotline.ivr.MenuNode;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.portal.Tokens;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptSource;

/** Without espeak-ng the service starts, says so in its health details, and still speaks the seeded prompts. */
@QuarkusTest
@TestProfile(WithoutEspeakProfile.class)
class WithoutEspeakTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PromptLibrary prompts;

    @Inject
    MenuStore menus;

    @Inject
    Pool pool;

    @Test
    void healthSaysEspeakIsMissingButStaysUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.data.espeak-ng",
                        startsWith("missing: '/nonexistent/espeak-ng' cannot be run"))
                .body("checks.find { it.name == 'speech' }.data.prompts", greaterThanOrEqualTo(9))
                .body("checks.find { it.name == 'speech' }.data.prompts-without-audio", equalTo(0));
    }

    /** This profile's service places no call: the call and media series must be there from the start. */
    @Test
    void callAndMediaSeriesAreExportedBeforeAnyCall() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : new String[] {"hotline_calls_active ", "hotline_rtp_overloaded_loops ",
                "hotline_rtp_datagrams_dropped_total ", "hotline_sip_calls_admitted_total "}) {
            assertTrue(metrics.contains("\n" + series), series.trim() + " in /q/metrics");
        }
    }

    @Test
    void everySeededPromptStillHasAudio() {
        for (String key : MenuStore.readSeed().promptTexts().keySet()) {
            assertTrue(prompts.clip(key).isPresent(), "no audio for " + key);
            assertTrue(prompts.info(key).orElseThrow().audioCurrent(), "outdated audio for " + key);
        }
    }

    @Test
    void shippedAudioIsStoredWhenTheRowIsMissing() {
        String key = "system.goodbye";
        pool.preparedQuery("DELETE FROM prompt WHERE key = $1").execute(Tuple.of(key)).await().atMost(WAIT);
        prompts.ensure(Map.of(key, menus.systemPromptTexts().get(key))).await().atMost(WAIT);
        PromptInfo info = prompts.info(key).orElseThrow();
        assertEquals(PromptSource.SHIPPED, info.source());
        assertTrue(info.audioCurrent());
        String stored = pool.preparedQuery("SELECT source FROM prompt WHERE key = $1").execute(Tuple.of(key))
                .await().atMost(WAIT).iterator().next().getString(0);
        assertEquals("SHIPPED", stored);
    }

    @Test
    void anEditThatCannotBeRenderedKeepsThePreviousAudioAndSaysSo() {
        byte[] before = prompts.clip("dossier").orElseThrow().toByteArray(Law.PCMU);
        String edited = "Tra cứu hồ sơ tạm ngừng, mã " + System.nanoTime() + ".";
        try {
            menus.patch("dossier", node -> new MenuNode(node.key(), node.parentKey(), node.digit(), node.kind(),
                    edited, node.target())).await().atMost(WAIT);
            prompts.ensure(Map.of("dossier", edited)).await().atMost(WAIT);
            PromptInfo info = prompts.info("dossier").orElseThrow();
            assertEquals(edited, info.text());
            assertFalse(info.audioCurrent());
            assertArrayEquals(before, prompts.clip("dossier").orElseThrow().toByteArray(Law.PCMU));
            given().header("Authorization", Tokens.editor()).when().get("/api/v1/prompts").then().statusCode(200)
                    .body("find { it.key == 'dossier' }.audioCurrent", equalTo(false));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'speech' }.data.prompts-with-outdated-audio",
                            greaterThanOrEqualTo(1));
        } finally {
            menus.replace(MenuStore.readSeed().nodes()).await().atMost(WAIT);
            prompts.ensure(Map.of("dossier", MenuStore.readSeed().promptTexts().get("dossier"))).await().atMost(WAIT);
        }
        assertTrue(prompts.info("dossier").orElseThrow().audioCurrent());
    }

    @Test
    void theSeedCataloguesAudioShipsAndPreviewsOfNewTextsAreRefusedClearly() throws InterruptedException {
        String key = CatalogScripts.summaryKey("1.001193");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (prompts.clip(key).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(PromptSource.SHIPPED, prompts.info(key).orElseThrow().source());
        given().when().get("/api/v1/prompts/procedure.1.001193.where/audio").then().statusCode(200)
                .contentType("audio/wav");

        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body("{\"text\":\"Văn bản mới " + System.nanoTime() + "\"}").when().post("/api/v1/speech/preview")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                .body("detail", containsString("espeak-ng"));
        // A text whose audio ships needs no espeak-ng.
        given().header("Authorization", Tokens.editor()).contentType("application/json")
                .body("{\"text\":\"" + prompts.info(key).orElseThrow().text() + "\"}")
                .when().post("/api/v1/speech/preview").then().statusCode(200).body("rendered", equalTo(false));
    }
}
