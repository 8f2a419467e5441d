package vn.dvc.hotline.calls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.sip.TestUserAgent;
import vn.dvc.hotline.speech.PromptLibrary;
import org.eclipse.microprofile.config.ConfigProvider;

@QuarkusTest
@TestProfile(ShortTimeoutsProfile.class)
class CallEndingsTest {

    @Inject
    PromptLibrary prompts;

    @Test
    void aCallerWhoSendsNoRtpIsHungUpOnWithBye() throws Exception {
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort())) {
            TestUserAgent.Call call = ua.invite(peer.offer(true));
            assertEquals(200, call.awaitFinal().getStatusCode());
            call.ack();
            assertNotNull(call.awaitByeFromService(Duration.ofSeconds(5)), "BYE after 1 s without RTP");
            JsonPath record = AnsweredCallTest.awaitRecord(call.callId(), "RTP_INACTIVITY");
            assertTrue(record.getLong("packetsSent") > 0);
            assertEquals(0L, record.getLong("packetsReceived"));
        }
    }

    @Test
    void aKeyBySipInfoInterruptsThePromptToo() throws Exception {
        EncodedClip procedures = prompts.clip("procedures").orElseThrow();
        try (RtpPeer peer = new RtpPeer(); TestUserAgent ua = TestUserAgent.start("udp", sipPort())) {
            TestUserAgent.Call call = ua.invite(peer.offer(true));
            assertEquals(200, call.awaitFinal().getStatusCode());
            peer.serviceAt(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    RtpPeer.audioPort(call.remoteSdp())));
            call.ack();
            for (int i = 0; i < 10; i++) {
                peer.receive();
                peer.sendSilence();
            }
            assertEquals(200, call.info("application/dtmf-relay", "Signal=1\r\nDuration=160\r\n").getStatusCode());
            RtpPeer.Packet packet;
            int frames = 0;
            do {
                packet = peer.receive();
                peer.sendSilence();
                assertTrue(++frames <= 10, "the prompt did not change after the INFO key");
            } while (!packet.marker());
            byte[] expected = new byte[EncodedClip.FRAME_BYTES];
            procedures.copyFrame(Law.PCMU, 0, expected, 0);
            assertArrayEquals(expected, packet.payload());
            assertEquals(200, call.bye().getStatusCode());
            assertEquals("sip-info", AnsweredCallTest.awaitRecord(call.callId(), "CALLER_HANGUP")
                    .getString("dtmfMode"));
        }
    }

    private static int sipPort() {
        return ConfigProvider.getConfig().getValue("hotline.sip.port", Integer.class);
    }
}
