package vn.dvc.hotline.calls;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.RtpDrop;
import vn.dvc.hotline.portal.Tokens;
import vn.dvc.hotline.sip.SipEndpoint;
import vn.dvc.hotline.sip.TestUserAgent;
import vn.dvc.hotline.speech.PromptLibrary;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whole calls over loopback against the running service: a JAIN-SIP user agent signals, a plain UDP socket is the
 * caller's RTP. What the caller hears is compared byte for byte with the prompts' audio.
 */
@QuarkusTest
class AnsweredCallTest {

    /** The test profile's SIP port, or the one given with -Dhotline.sip.port. */
    private static final int SIP_PORT = ConfigProvider.getConfig().getValue("hotline.sip.port", Integer.class);

    @Inject
    PromptLibrary prompts;

    @Inject
    SipEndpoint endpoint;

    @Test
    void answersPlaysTheMenuFollowsAKeyHoldsAndRecordsTheCall() throws Exception {
        EncodedClip root = prompts.clip("root").orElseThrow(() -> new AssertionError("no audio for root"));
        EncodedClip procedures = prompts.clip("procedures").orElseThrow();
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            TestUserAgent.Call call = ua.invite(peer.offer(true));
            assertEquals(200, call.awaitFinal().getStatusCode());
            String answer = call.remoteSdp();
            assertTrue(answer.contains("RTP/AVP 0 101"), "PCMU and the offer's telephone-event: " + answer);
            peer.serviceAt(new InetSocketAddress(InetAddress.getLoopbackAddress(), RtpPeer.audioPort(answer)));
            call.ack();

            // The greeting, frame by frame, from its first frame, with the marker on the first packet.
            RtpPeer.Packet first = peer.receive();
            assertTrue(first.marker(), "marker on the first packet");
            assertEquals(0, first.payloadType());
            assertArrayEquals(frame(root, 0), first.payload());
            RtpPeer.Packet previous = first;
            for (int i = 1; i < 25; i++) {
                RtpPeer.Packet packet = peer.receive();
                assertArrayEquals(frame(root, i), packet.payload(), "root frame " + i);
                assertEquals((previous.sequence() + 1) & 0xffff, packet.sequence());
                assertEquals((previous.timestamp() + 160) & 0xffffffffL, packet.timestamp());
                assertEquals(first.ssrc(), packet.ssrc());
                assertFalse(packet.marker());
                previous = packet;
            }

            // Key 1 interrupts the greeting: the next prompt starts within a frame or two (one may be in flight).
            peer.sendTelephoneEvent('1');
            int oldFrames = 0;
            RtpPeer.Packet switched;
            while (true) {
                switched = peer.receive();
                if (switched.marker()) {
                    break;
                }
                oldFrames++;
                assertTrue(oldFrames <= 2, "still the old prompt " + oldFrames + " frames after the key");
            }
            assertArrayEquals(frame(procedures, 0), switched.payload(), "first frame of the chosen prompt");

            // Hold stops the stream; unhold resumes it with a marker.
            String hold = peer.offer(true).replace("a=sendrecv", "a=sendonly");
            assertEquals(200, call.reinvite(hold).getStatusCode());
            drainUntilQuiet(peer);
            assertEquals(200, call.reinvite(peer.offer(true)).getStatusCode());
            assertTrue(peer.receive().marker(), "the stream resumes with a marker");

            assertEquals(200, call.bye().getStatusCode());
            JsonPath record = awaitRecord(call.callId(), "CALLER_HANGUP");
            assertEquals("PCMU", record.getString("codec"));
            assertEquals("rfc4733", record.getString("dtmfMode"));
            List<Map<String, Object>> path = record.getList("menuPath");
            assertTrue(path.stream().anyMatch(step -> "root".equals(step.get("node")) && "1".equals(step.get("digits"))),
                    "the key is on record: " + path);
            assertTrue(record.getLong("packetsSent") > 25);
            assertTrue(record.getString("callerMasked") == null || !record.getString("callerMasked").isEmpty());
        }
    }

    @Test
    void refusalsSipDropsAndRtpDropsAreInTheMetrics() throws Exception {
        double refusedBefore = metric("hotline_sip_refused_total{status=\"503\"}");
        endpoint.drain(true);
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            assertEquals(503, ua.invite(peer.offer(true)).awaitFinal().getStatusCode());
        } finally {
            endpoint.drain(false);
        }
        assertEquals(refusedBefore + 1, metric("hotline_sip_refused_total{status=\"503\"}"));
        assertEquals(endpoint.udpDatagramsDropped(), metric("hotline_sip_udp_dropped_total"));
        assertEquals(endpoint.counters().callsAdmitted(), metric("hotline_sip_calls_admitted_total"));
        assertEquals(RtpDrop.SEND_REFUSED.count(), metric("hotline_rtp_datagrams_dropped_total"));
    }

    @Test
    void rtpFromAnUnknownAddressAndMalformedRtpAreDroppedAndCounted() throws Exception {
        String unknownSource = "hotline_rtp_inbound_dropped_total{reason=\"unknown_source\"}";
        String malformed = "hotline_rtp_inbound_dropped_total{reason=\"malformed\"}";
        double unknownBefore = metric(unknownSource);
        double malformedBefore = metric(malformed);
        try (RtpPeer peer = new RtpPeer(); RtpPeer stranger = new RtpPeer();
                TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            TestUserAgent.Call call = ua.invite(peer.offer(true));
            assertEquals(200, call.awaitFinal().getStatusCode());
            InetSocketAddress media = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    RtpPeer.audioPort(call.remoteSdp()));
            peer.serviceAt(media);
            stranger.serviceAt(media);
            call.ack();
            peer.receive(); // the call's stream has begun: its session is started

            stranger.sendSilence(); // well-formed RTP, but from an address no call signalled
            peer.sendRaw(new byte[] {(byte) 0x80, 0, 1}); // from the caller's address, shorter than an RTP header
            for (int i = 0; i < 50; i++) { // read on the pacer's tick: soon, but not at once
                if (metric(unknownSource) > unknownBefore && metric(malformed) > malformedBefore) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(metric(unknownSource) >= unknownBefore + 1, "the stranger's packet counted");
            assertTrue(metric(malformed) >= malformedBefore + 1, "the short packet counted");
            peer.receive(); // the call goes on
            assertEquals(200, call.bye().getStatusCode());
        }
        metric("hotline_rtp_inbound_dropped_total{reason=\"outside_call\"}"); // the other reasons are exported too
        metric("hotline_rtp_inbound_dropped_total{reason=\"receive_failed\"}");
    }

    /** A sample's value from {@code /q/metrics}; fails if the metric is not exported. */
    private static double metric(String sample) {
        Matcher value = sampleIn(sample);
        assertTrue(value.find(), sample + " in /q/metrics");
        return Double.parseDouble(value.group(1));
    }

    /** A sample's value from {@code /q/metrics}, 0 while it is not exported. */
    private static double metricOrZero(String sample) {
        Matcher value = sampleIn(sample);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static Matcher sampleIn(String sample) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
    }

    @Test
    void noCommonCodecIs488AndCounted() throws Exception {
        double before = metric("hotline_sip_refused_total{status=\"488\"}"); // exported before the first 488
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            String g729Only = peer.offer(false).replace("RTP/AVP 0 8", "RTP/AVP 18")
                    .replace("a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000", "a=rtpmap:18 G729/8000");
            assertEquals(488, ua.invite(g729Only).awaitFinal().getStatusCode());
        }
        assertEquals(before + 1, metric("hotline_sip_refused_total{status=\"488\"}"));
    }

    @Test
    void aRefusalWithAnyOtherStatusGetsItsSeries() throws Exception {
        String badRequest = "hotline_sip_refused_total{status=\"400\"}";
        double before = metricOrZero(badRequest);
        try (TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            assertEquals(400, ua.invite("v=0\r\nthis is not SDP\r\n").awaitFinal().getStatusCode());
        }
        for (int i = 0; i < 50 && metricOrZero(badRequest) < before + 1; i++) {
            Thread.sleep(100); // the series is registered on a worker, just after the refusal
        }
        assertEquals(before + 1, metric(badRequest));
    }

    @Test
    void liveCallsListTheCallWhileItIsUp() throws Exception {
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", SIP_PORT)) {
            TestUserAgent.Call call = ua.invite(peer.offer(true));
            assertEquals(200, call.awaitFinal().getStatusCode());
            call.ack();
            List<String> live = given().header("Authorization", Tokens.admin()).when().get("/api/v1/calls/live")
                    .then().statusCode(200).extract().path("callId");
            assertTrue(live.contains(call.callId()), "live: " + live);
            assertEquals(200, call.bye().getStatusCode());
        }
    }

    private static byte[] frame(EncodedClip clip, int index) {
        byte[] frame = new byte[EncodedClip.FRAME_BYTES];
        clip.copyFrame(Law.PCMU, index, frame, 0);
        return frame;
    }

    private static void drainUntilQuiet(RtpPeer peer) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                peer.receive();
            } catch (AssertionError quiet) {
                return;
            }
        }
        fail("the stream did not stop on hold");
    }

    static JsonPath awaitRecord(String callId, String endReason) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            // RestAssured URL-encodes the Call-ID ('@' and all) as a path parameter.
            var response = given().header("Authorization", Tokens.admin()).when().get("/api/v1/calls/{id}", callId);
            if (response.statusCode() == 200 && endReason.equals(response.jsonPath().getString("endReason"))) {
                return response.jsonPath();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call record with end reason " + endReason + " for " + callId);
    }
}
