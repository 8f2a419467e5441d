package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import vn.dvc.hotline.catalog.CatalogPrompts;
import vn.dvc.hotline.catalog.CatalogScripts;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.PcmAudio;
import vn.dvc.hotline.media.WavReader;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptSource;
import vn.dvc.hotline.speech.SpeechPreview;

/**
 * The speech preview, a procedure's public audio, and the catalogue's audio following edits made through the REST API
 * (real espeak-ng, real database).
 */
@QuarkusTest
class SpeechApiTest {

    /** Renders of a few short texts on a shared machine take well under this; the bound only stops a hung test. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern RENDERS = Pattern.compile("(?m)^hotline_tts_renders_total\\{[^}]*outcome=\"ok\"[^}]*} ([0-9.E]+)");

    @Inject
    PromptLibrary prompts;

    @Inject
    CatalogPrompts catalogPrompts;

    @Test
    void previewNeedsAStaffToken() {
        given().contentType(ContentType.JSON).body("{\"text\":\"Xin chào\"}").when().post("/api/v1/speech/preview")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON)
                .body("{\"text\":\"Xin chào\"}").when().post("/api/v1/speech/preview")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/speech/preview/" + "0".repeat(64) + "/audio").then().statusCode(401);
    }

    @Test
    void badPreviewRequestsAreProblems() {
        badPreview("{\"text\":\"   \"}", "text", "must not be blank");
        badPreview("{\"voice\":\"vi\"}", "text", "must not be blank");
        badPreview("{\"text\":\"" + "a ".repeat(SpeechPreview.MAX_TEXT_CHARS) + "\"}", "text", "at most");
        badPreview("{\"text\":\"Xin chào\",\"voice\":\"en-us\"}", "voice", "vi-vn-x-south");
        badPreview("{\"text\":\"Xin chào\",\"voice\":\"vi+--x\"}", "voice", "variant");
        badPreview("{\"text\":\"Xin chào\",\"colour\":\"red\"}", "colour", "not a known property");
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body("not json")
                .when().post("/api/v1/speech/preview").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/speech/preview/not-a-hash/audio")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void previewSpeaksTheNormalisedTextOnceAndThenFromCache() {
        String text = "Lệ phí " + (1 + (System.nanoTime() % 999)) + ".000 đồng/bản, trả kết quả trong 03 ngày làm"
                + " việc, gọi 1900868895.";
        double rendersBefore = renders();
        String audioUrl = given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}").when().post("/api/v1/speech/preview").then().statusCode(200)
                .body("spoken", containsString("đồng mỗi bản, trả kết quả trong ba ngày làm việc, gọi một chín không"
                        + " không, tám sáu, tám tám, chín năm."))
                .body("voice", equalTo("vi-vn-x-south"))
                .body("rendered", equalTo(true))
                .body("durationMs", greaterThan(3000))
                .body("audioUrl", matchesPattern("/api/v1/speech/preview/[0-9a-f]{64}/audio"))
                .extract().path("audioUrl");
        assertEquals(rendersBefore + 1, renders(), "one espeak-ng run for a new text");

        byte[] wav = given().header("Authorization", Tokens.editor()).when().get(audioUrl).then().statusCode(200)
                .contentType("audio/wav").extract().asByteArray();
        PcmAudio audio = WavReader.read(wav);
        assertEquals(8000, audio.sampleRate());
        assertTrue(audio.durationMillis() > 3000, "audio of the whole sentence");

        // The same text again, and a catalogue prompt's text: no new render (the warm-cache figure is ~0).
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"voice\":\"vi-vn-x-south\"}").when().post("/api/v1/speech/preview")
                .then().statusCode(200).body("rendered", equalTo(false)).body("audioUrl", equalTo(audioUrl));
        waitFor(() -> prompts.clip(CatalogScripts.summaryKey("1.001193")).isPresent(), "seed audio loaded");
        String seeded = prompts.info(CatalogScripts.summaryKey("1.001193")).orElseThrow().text();
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + seeded + "\"}").when().post("/api/v1/speech/preview")
                .then().statusCode(200).body("rendered", equalTo(false));
        assertEquals(rendersBefore + 1, renders(), "cached texts are not rendered again");
    }

    @Test
    void aProceduresAudioIsPublicAndUnknownCodesAreProblems() {
        String key = CatalogScripts.summaryKey("1.001193");
        waitFor(() -> prompts.clip(key).isPresent(), "seed audio loaded");
        assertEquals(PromptSource.SHIPPED, prompts.info(key).orElseThrow().source(), "seed scripts ship pre-rendered");
        byte[] ulaw = given().queryParam("format", "ulaw").when().get("/api/v1/prompts/procedure.1.001193/audio")
                .then().statusCode(200).contentType("audio/basic").extract().asByteArray();
        assertArrayEquals(prompts.clip(key).orElseThrow().toByteArray(Law.PCMU), ulaw);
        given().when().get("/api/v1/prompts/procedure.1.001193.documents/audio").then().statusCode(200)
                .contentType("audio/wav");
        given().when().get("/api/v1/prompts/procedure.9.999999/audio").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("9.999999"));
        given().when().get("/api/v1/prompts/agency.UBND_XA/audio").then().statusCode(200).contentType("audio/wav");
        given().when().get("/api/v1/prompts/agency.NO_SUCH/audio").then().statusCode(404)
                .contentType("application/problem+json");
        // The menu's prompts and the listing stay staff-only.
        given().when().get("/api/v1/prompts/root/audio").then().statusCode(401);
        given().when().get("/api/v1/prompts").then().statusCode(401);
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/prompts/root/audio").then()
                .statusCode(200);
    }

    @Test
    void editsThroughTheApiAreSpokenWithinSecondsAndCallsKeepTheirClip() {
        String agency = "TA_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String code = "T." + UUID.randomUUID().toString().substring(0, 6);
        String summaryKey = CatalogScripts.summaryKey(code);
        String whereKey = CatalogScripts.whereKey(code);
        try {
            putAgency(agency, "Số 1 đường Thử Nghiệm");
            putProcedure(code, agency, "10.000 đồng/lần");
            waitFor(() -> spoken(summaryKey, "10.000 đồng/lần"), "the new procedure's summary is spoken");
            waitFor(() -> spoken(whereKey, "Số 1 đường Thử Nghiệm"), "its place is spoken");
            assertTrue(prompts.info(summaryKey).orElseThrow().text().startsWith("Cấp bản sao thử nghiệm."),
                    "generated from the data: " + prompts.info(summaryKey).orElseThrow().text());

            // A call is playing the summary: it holds this clip object.
            EncodedClip playing = prompts.clip(summaryKey).orElseThrow();
            byte[] playingBytes = playing.toByteArray(Law.PCMU);
            putProcedure(code, agency, "25.000 đồng/lần");
            long edited = waitFor(() -> spoken(summaryKey, "25.000 đồng/lần"), "the edited summary is spoken");
            System.out.printf("SpeechApiTest: an edited procedure was spoken %d ms after its PUT returned%n", edited);
            EncodedClip next = prompts.clip(summaryKey).orElseThrow();
            assertNotSame(playing, next, "the edit published a new clip");
            assertFalse(java.util.Arrays.equals(playingBytes, next.toByteArray(Law.PCMU)), "new audio");
            assertArrayEquals(playingBytes, playing.toByteArray(Law.PCMU), "the call's clip is untouched");

            // The agency moves: the procedure's place and the agency's own prompt follow.
            putAgency(agency, "Số 99 đường Mới Chuyển");
            waitFor(() -> spoken(whereKey, "Số 99 đường Mới Chuyển"), "the procedure's place follows its agency");
            waitFor(() -> spoken(CatalogScripts.agencyKey(agency), "Số 99 đường Mới Chuyển"), "the agency's prompt");

            given().header("Authorization", Tokens.editor()).when().delete("/api/v1/procedures/" + code).then()
                    .statusCode(204);
            waitFor(() -> prompts.info(summaryKey).isEmpty() && prompts.info(whereKey).isEmpty(),
                    "a deleted procedure's prompts are dropped");
            given().when().get("/api/v1/prompts/procedure." + code + "/audio").then().statusCode(404);
        } finally {
            given().header("Authorization", Tokens.editor()).delete("/api/v1/procedures/" + code);
            given().header("Authorization", Tokens.editor()).delete("/api/v1/agencies/" + agency);
        }
    }

    private void putAgency(String code, String address) {
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Bộ phận Một cửa thử nghiệm\",\"address\":\"" + address
                        + "\",\"openingHours\":[{\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\"],\"open\":\"07:30\","
                        + "\"close\":\"11:30\"}]}")
                .when().put("/api/v1/agencies/" + code).then().statusCode(anyOf200or201());
    }

    private void putProcedure(String code, String agency, String fees) {
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Cấp bản sao thử nghiệm\",\"fieldCode\":\"HO_TICH\","
                        + "\"agencyCode\":\"" + agency + "\",\"onTheSpot\":\"FOUR\",\"processingDays\":2,"
                        + "\"fees\":\"" + fees + "\",\"documents\":[{\"name\":\"Tờ khai theo mẫu\",\"copies\":1,"
                        + "\"form\":null}],\"whereToSubmit\":\"Bộ phận Một cửa thử nghiệm\"}")
                .when().put("/api/v1/procedures/" + code).then().statusCode(anyOf200or201());
    }

    private static org.hamcrest.Matcher<Integer> anyOf200or201() {
        return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201));
    }

    /** Whether the prompt's current text contains {@code words} and its audio says that text. */
    private boolean spoken(String key, String words) {
        PromptInfo info = prompts.info(key).orElse(null);
        return info != null && info.text().contains(words) && info.audioCurrent()
                && prompts.clip(key).isPresent();
    }

    private void badPreview(String body, String field, String message) {
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/speech/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(message));
    }

    private static double renders() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = RENDERS.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Polls {@code condition} until it holds; a deadline, not a timing assertion.
     *
     * @return how long it took, in ms
     */
    private long waitFor(BooleanSupplier condition, String what) {
        long started = System.nanoTime();
        long deadline = started + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + DEADLINE.toSeconds() + " s: " + what + " (catalogue syncs so far: "
                        + catalogPrompts.completedSyncs() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
