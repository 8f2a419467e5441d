package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;
import vn.dvc.hotline.media.Resampler;
import vn.dvc.hotline.media.WavReader;
import vn.dvc.hotline.media.WavWriter;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptSource;

/** Prompt listing, downloads of exactly what calls play, and staff recordings. */
@QuarkusTest
class PromptApiTest {

    @Inject
    PromptLibrary prompts;

    @Inject
    MenuStore menus;

    @Inject
    Pool pool;

    @Test
    void listingNeedsAStaffToken() {
        given().when().get("/api/v1/prompts").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.portalSync()).when().get("/api/v1/prompts").then().statusCode(403);
        given().header("Authorization", Tokens.portalSync()).when().get("/api/v1/prompts/root/audio").then()
                .statusCode(403);
    }

    @Test
    void listsTheMenuAndSystemPrompts() {
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/prompts").then().statusCode(200)
                .body("key", hasItems("root", "procedures", "dossier", "hours", "rating", "system.not-understood",
                        "system.goodbye", "system.service-unavailable", "system.thanks"))
                .body("find { it.key == 'root' }.text", equalTo(menus.current().root().promptText()))
                .body("find { it.key == 'root' }.voice", equalTo("vi-vn-x-south"))
                .body("find { it.key == 'root' }.source", notNullValue())
                .body("find { it.key == 'root' }.durationMs", greaterThan(10_000))
                .body("find { it.key == 'root' }.audioCurrent", equalTo(true))
                .body("find { it.key == 'root' }.updatedAt", notNullValue())
                .body("find { it.key == 'system.goodbye' }.audioUrl", equalTo("/api/v1/prompts/system.goodbye/audio"));
    }

    @Test
    void audioIsExactlyWhatCallsPlay() {
        EncodedClip clip = prompts.clip("root").orElseThrow();
        byte[] ulaw = given().header("Authorization", Tokens.editor()).queryParam("format", "ulaw")
                .when().get("/api/v1/prompts/root/audio").then().statusCode(200).contentType("audio/basic")
                .extract().asByteArray();
        assertArrayEquals(clip.toByteArray(Law.PCMU), ulaw);
        byte[] alaw = given().header("Authorization", Tokens.admin()).queryParam("format", "alaw")
                .when().get("/api/v1/prompts/root/audio").then().statusCode(200).contentType("audio/x-alaw-basic")
                .extract().asByteArray();
        assertArrayEquals(clip.toByteArray(Law.PCMA), alaw);

        byte[] wav = given().header("Authorization", Tokens.editor()).when().get("/api/v1/prompts/root/audio")
                .then().statusCode(200).contentType("audio/wav").extract().asByteArray();
        PcmAudio decoded = WavReader.read(wav);
        assertEquals(8000, decoded.sampleRate());
        assertEquals(ulaw.length, decoded.length());
        for (int i = 0; i < ulaw.length; i++) {
            assertEquals(Law.PCMU.decode(ulaw[i]), decoded.sample(i), "sample " + i);
        }
    }

    @Test
    void audioOfAnUnknownPromptOrFormatIsAProblem() {
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/prompts/no-such-prompt/audio").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-prompt"));
        given().header("Authorization", Tokens.editor()).queryParam("format", "mp3")
                .when().get("/api/v1/prompts/root/audio").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }

    @Test
    void anUploadedRecordingReplacesSpeechSynthesis() {
        String key = "system.thanks";
        byte[] wav = WavWriter.writePcm16(tone(16_000, 1500));
        try {
            given().header("Authorization", Tokens.editor()).contentType("audio/wav").body(wav)
                    .when().put("/api/v1/prompts/" + key + "/audio").then().statusCode(200)
                    .body("key", equalTo(key))
                    .body("source", equalTo("UPLOAD"))
                    .body("durationMs", equalTo(1500))
                    .body("audioCurrent", equalTo(true));
            EncodedClip expected = EncodedClip.fromPcm(Resampler.toNarrowband(WavReader.read(wav)));
            byte[] ulaw = given().header("Authorization", Tokens.editor()).queryParam("format", "ulaw")
                    .when().get("/api/v1/prompts/" + key + "/audio").then().statusCode(200).extract().asByteArray();
            assertArrayEquals(expected.toByteArray(Law.PCMU), ulaw);
            assertArrayEquals(expected.toByteArray(Law.PCMU), prompts.clip(key).orElseThrow().toByteArray(Law.PCMU));

            // The upload survives a re-check against the database (what a restart or the refresh does).
            prompts.ensure(Map.of(key, menus.systemPromptTexts().get(key))).await().atMost(Duration.ofSeconds(30));
            assertEquals(PromptSource.UPLOAD, prompts.info(key).orElseThrow().source());
            assertArrayEquals(ulaw, prompts.clip(key).orElseThrow().toByteArray(Law.PCMU));
        } finally {
            restoreShipped(key);
        }
    }

    @Test
    void anUploadForANodeLastsUntilItsTextChanges() {
        byte[] wav = WavWriter.writePcm16(tone(8000, 800));
        try {
            given().header("Authorization", Tokens.editor()).contentType("audio/x-wav").body(wav)
                    .when().put("/api/v1/prompts/rating/audio").then().statusCode(200).body("source", equalTo("UPLOAD"));
            String edited = "Chức năng đánh giá đang được nâng cấp, mã " + System.nanoTime() % 1000 + ".";
            menus.patch("rating", node -> new vn.dvc.hotline.ivr.MenuNode(node.key(), node.parentKey(), node.digit(),
                    node.kind(), edited, node.target())).await().atMost(Duration.ofSeconds(30));
            prompts.ensure(Map.of("rating", edited)).await().atMost(Duration.ofSeconds(30));
            assertEquals(PromptSource.TTS, prompts.info("rating").orElseThrow().source());
            assertEquals(edited, prompts.info("rating").orElseThrow().text());
        } finally {
            menus.replace(MenuStore.readSeed().nodes()).await().atMost(Duration.ofSeconds(30));
            String seeded = MenuStore.readSeed().promptTexts().get("rating");
            prompts.ensure(Map.of("rating", seeded)).await().atMost(Duration.ofSeconds(30));
            assertEquals(PromptSource.SHIPPED, prompts.info("rating").orElseThrow().source());
        }
    }

    @Test
    void badRecordingsAreProblems() {
        given().header("Authorization", Tokens.editor()).contentType("audio/wav").body("not a wave file at all".getBytes())
                .when().put("/api/v1/prompts/system.thanks/audio").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("not a WAV file"));
        given().header("Authorization", Tokens.editor()).contentType("audio/wav")
                .body(WavWriter.writePcm16(tone(8000, 500)))
                .when().put("/api/v1/prompts/no-such-prompt/audio").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).contentType("audio/mpeg").body(new byte[] {1, 2, 3})
                .when().put("/api/v1/prompts/system.thanks/audio").then().statusCode(415);
        given().header("Authorization", Tokens.portalSync()).contentType("audio/wav")
                .body(WavWriter.writePcm16(tone(8000, 500)))
                .when().put("/api/v1/prompts/system.thanks/audio").then().statusCode(403);
        assertEquals(PromptSource.SHIPPED, prompts.info("system.thanks").orElseThrow().source());
    }

    /** Puts the seeded state back: without the row, the shipped audio is stored again. */
    private void restoreShipped(String key) {
        pool.preparedQuery("DELETE FROM prompt WHERE key = $1").execute(Tuple.of(key))
                .await().atMost(Duration.ofSeconds(30));
        prompts.ensure(Map.of(key, menus.systemPromptTexts().get(key))).await().atMost(Duration.ofSeconds(30));
        assertEquals(PromptSource.SHIPPED, prompts.info(key).orElseThrow().source());
    }

    /** A 440 Hz tone at half scale, a recognisable recording. */
    private static PcmAudio tone(int rate, int millis) {
        short[] samples = new short[rate * millis / 1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (16_000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return new PcmAudio(samples, rate);
    }
}
