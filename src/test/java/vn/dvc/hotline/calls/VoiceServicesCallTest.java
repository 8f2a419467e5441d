package vn.dvc.hotline.calls;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.dvc.hotline.catalog.CatalogPrompts;
import vn.dvc.hotline.catalog.PhoneCatalog;
import vn.dvc.hotline.dossier.LookupThrottle;
import vn.dvc.hotline.dossier.PhoneDossierLookup;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.portal.Tokens;
import vn.dvc.hotline.sip.TestUserAgent;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.Readouts;

/**
 * Each voice service over loopback, against the running service with its real database, throttle and prompts: a
 * JAIN-SIP user agent calls, keys go as RFC 4733 events, and what the caller hears is recognised by the first audio
 * frame of each prompt. Then the call record (and the rating table, through the calls API) says what happened.
 */
@QuarkusTest
class VoiceServicesCallTest {

    private static final Duration HEARING = Duration.ofSeconds(60);
    private static final AtomicInteger DOSSIERS = new AtomicInteger();

    @Inject
    PromptLibrary prompts;
    @Inject
    LookupThrottle throttle;

    @Inject
    CatalogPrompts catalogPrompts;

    private final int sipPort = ConfigProvider.getConfig().getValue("hotline.sip.port", Integer.class);

    @Test
    void procedureByKeypadNumberThenItsDocuments() throws Exception {
        String keypadNumber = given().when().get("/api/v1/procedures/1.001193").then().statusCode(200).extract()
                .path("keypadNumber");
        catalogueReady("procedure.1.001193", "procedure.1.001193.documents");
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281234567");
            hear(peer, "root");
            key(peer, "1");
            hear(peer, "procedures");
            key(peer, keypadNumber + "#");
            hear(peer, "procedure.1.001193");
            key(peer, "2");
            hear(peer, "procedure.1.001193.documents");
            assertEquals(200, call.bye().getStatusCode());
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "CALLER_HANGUP");
            assertEquals(List.of("1.001193"), record.getList("procedures"));
            assertEquals(List.of(), record.getList("lookups"));
        }
    }

    @Test
    void dossierFoundForTheApplicantCallingFromTheirOwnPhone() throws Exception {
        String keypad = dossier("0912000111", "PROCESSING");
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0912000111");
            codeConfirmed(peer, keypad);
            hear(peer, Readouts.statusKey(vn.dvc.hotline.dossier.DossierStatus.PROCESSING));
            assertEquals(200, call.bye().getStatusCode());
            assertEquals(List.of("FOUND"), outcomes(call.callId()));
        }
    }

    @Test
    void dossierFoundWithTheRightVerifierAndNotFoundWithAWrongOne() throws Exception {
        String keypad = dossier("0912000222", "NEEDS_SUPPLEMENT");
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281111222");
            codeConfirmed(peer, keypad);
            hear(peer, "system.dossier.ask-verifier");
            key(peer, "9999#");
            hear(peer, "system.dossier.not-found");
            key(peer, keypad + "#");
            hear(peer, Readouts.CODE_ENTERED);
            key(peer, "1");
            hear(peer, "system.dossier.ask-verifier");
            key(peer, "0222#");
            hear(peer, Readouts.statusKey(vn.dvc.hotline.dossier.DossierStatus.NEEDS_SUPPLEMENT));
            assertEquals(200, call.bye().getStatusCode());
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "CALLER_HANGUP");
            assertEquals(List.of("NOT_FOUND", "FOUND"), record.getList("lookups.outcome"));
            for (String path : List.of("menuPath.digits", "lookups.dossier")) {
                List<String> values = record.getList(path);
                assertTrue(values.stream().noneMatch(v -> v.contains("9999") || v.contains("0222")),
                        "the verifier is never on record: " + path + " " + values);
            }
        }
    }

    @Test
    void unknownDossierCodeIsNotFound() throws Exception {
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281111333");
            codeConfirmed(peer, "55501230001");
            hear(peer, "system.dossier.ask-verifier");
            key(peer, "1234#");
            hear(peer, "system.dossier.not-found");
            assertEquals(200, call.bye().getStatusCode());
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "CALLER_HANGUP");
            assertEquals(List.of("55501230001"), record.getList("lookups.dossier"));
            assertEquals(List.of("NOT_FOUND"), record.getList("lookups.outcome"));
        }
    }

    @Test
    void aCodeWithTooManyFailuresIsThrottledEvenForTheRightCaller() throws Exception {
        String keypad = dossier("0912000444", "RECEIVED");
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(PhoneDossierLookup.codeClient(keypad));
        }
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0912000444");
            codeConfirmed(peer, keypad);
            hear(peer, "system.dossier.throttled");
            hear(peer, "root");
            assertEquals(200, call.bye().getStatusCode());
            assertEquals(List.of("THROTTLED"), outcomes(call.callId()));
        }
    }

    @Test
    void aCallerWithTooManyFailuresIsThrottledForAnyCode() throws Exception {
        String keypad = dossier("0912000777", "PROCESSING");
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(PhoneDossierLookup.callerClient("+84 281 111 777"));
        }
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281111777"); // the same number in national form
            codeConfirmed(peer, keypad);
            hear(peer, "system.dossier.throttled");
            assertEquals(200, call.bye().getStatusCode());
            assertEquals(List.of("THROTTLED"), outcomes(call.callId()));
        }
    }

    @Test
    void hoursOfAnAgencyWithWhetherItIsOpenNow() throws Exception {
        List<String> codes = given().when().get("/api/v1/agencies").then().statusCode(200).extract().path("code");
        List<String> names = given().when().get("/api/v1/agencies").then().extract().path("name");
        // The list is read in name order; the first agency's details are what the caller asks for.
        String first = codes.get(names.indexOf(names.stream().sorted().findFirst().orElseThrow()));
        catalogueReady(PhoneCatalog.agencyDetailKey(first));
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281111555");
            hear(peer, "root");
            key(peer, "3");
            hear(peer, "hours");
            key(peer, "1#");
            hear(peer, PhoneCatalog.agencyDetailKey(first));
            assertEquals(200, call.bye().getStatusCode());
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "CALLER_HANGUP");
            assertTrue(record.getList("menuPath.digits").contains("3"));
        }
    }

    @Test
    void ratingIsStoredWithTheProcedureHeardAndTheServiceHangsUp() throws Exception {
        String keypadNumber = given().when().get("/api/v1/procedures/1.001193").then().statusCode(200).extract()
                .path("keypadNumber");
        catalogueReady("procedure.1.001193");
        Instant before = Instant.now().minusSeconds(1);
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort)) {
            TestUserAgent.Call call = connect(ua, peer, "0281111666");
            hear(peer, "root");
            key(peer, "1");
            hear(peer, "procedures");
            key(peer, keypadNumber + "#");
            hear(peer, "procedure.1.001193");
            key(peer, "*");
            hear(peer, "root");
            key(peer, "9");
            hear(peer, "rating");
            key(peer, "4");
            hear(peer, "system.thanks");
            call.awaitByeFromService(HEARING);
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "SERVICE_HANGUP");
            assertEquals(4, record.getInt("rating.score"));
            assertEquals("1.001193", record.getString("rating.procedureCode"));
            assertNull(record.getString("rating.dossierCode"));
        }
        JsonPath stats = given().header("Authorization", Tokens.editor())
                .queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(5).toString())
                .when().get("/api/v1/stats/ratings").then().statusCode(200).extract().jsonPath();
        assertTrue(stats.getLong("summary.count") >= 1, stats.prettify());
        assertTrue(stats.getLong("summary.byScore.4") >= 1, stats.prettify());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private TestUserAgent.Call connect(TestUserAgent ua, RtpPeer peer, String from) throws Exception {
        TestUserAgent.Call call = ua.startInvite(peer.offer(true), from, "1022");
        assertEquals(200, call.awaitFinal().getStatusCode());
        peer.serviceAt(new InetSocketAddress(InetAddress.getLoopbackAddress(), RtpPeer.audioPort(call.remoteSdp())));
        call.ack();
        return call;
    }

    private void codeConfirmed(RtpPeer peer, String keypad) throws Exception {
        hear(peer, "root");
        key(peer, "2");
        hear(peer, "dossier");
        key(peer, keypad + "#");
        hear(peer, Readouts.CODE_ENTERED);
        key(peer, "1");
    }

    /** Waits until the first frame of the prompt arrives; fails if it does not within {@link #HEARING}. */
    private void hear(RtpPeer peer, String promptKey) throws Exception {
        EncodedClip clip = prompts.clip(promptKey).orElseThrow(() -> new AssertionError("no audio for " + promptKey));
        byte[] first = new byte[EncodedClip.FRAME_BYTES];
        clip.copyFrame(Law.PCMU, 0, first, 0);
        long deadline = System.nanoTime() + HEARING.toNanos();
        while (System.nanoTime() < deadline) {
            RtpPeer.Packet packet;
            try {
                packet = peer.receive();
            } catch (AssertionError silence) {
                continue; // a lookup or a render may keep the line quiet for a moment
            }
            if (java.util.Arrays.equals(first, packet.payload())) {
                assertArrayEquals(first, packet.payload());
                return;
            }
        }
        throw new AssertionError("never heard " + promptKey);
    }

    private static void key(RtpPeer peer, String keys) throws Exception {
        for (char key : keys.toCharArray()) {
            peer.sendTelephoneEvent(key);
            Thread.sleep(60);
        }
    }

    /** Waits for the catalogue's own audio of these keys (catalog.CatalogPrompts prepares it in the background). */
    private void catalogueReady(String... keys) throws InterruptedException {
        long deadline = System.nanoTime() + HEARING.toNanos();
        for (String key : keys) {
            while (!(prompts.clip(key).isPresent() && prompts.info(key).orElseThrow().text()
                    .equals(catalogPrompts.scripts().get(key)))) {
                assertTrue(System.nanoTime() < deadline, "no catalogue audio for " + key);
                Thread.sleep(50);
            }
        }
    }

    /** A dossier of the seeded procedure 1.001193, due in ten days, from the applicant's {@code phone}. */
    private static String dossier(String phone, String status) {
        int n = DOSSIERS.incrementAndGet();
        String keypad = "7701" + (System.currentTimeMillis() % 1_000_000) + n;
        String code = "TEST.VOICE-" + keypad;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        String body = "{\"procedureCode\":\"1.001193\",\"applicantName\":\"Trần Thị Bình\",\"applicantPhone\":\"" + phone
                + "\",\"status\":\"" + status + "\",\"currentStep\":\"Thẩm định hồ sơ\",\"receivedAt\":\""
                + now.minusDays(2) + "\",\"dueAt\":\"" + now.plusDays(10) + "\",\"keypadCode\":\"" + keypad + "\"}";
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/dossiers/" + code).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        return keypad;
    }

    private static List<String> outcomes(String callId) throws InterruptedException {
        return AnsweredCallTest.awaitRecord(callId, "CALLER_HANGUP").getList("lookups.outcome");
    }
}
