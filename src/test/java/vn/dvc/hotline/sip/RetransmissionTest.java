package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A retransmitted INVITE is absorbed by the stack's transaction, never a second call. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetransmissionTest {

    private Vertx vertx;
    private SipEndpoint endpoint;

    @AfterEach
    void tearDown() throws Exception {
        if (endpoint != null) {
            endpoint.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sameInviteThreeTimesMakesOneCall() throws Exception {
        vertx = Vertx.vertx();
        EventLoopContextSelector selector = EventLoopContextSelector.onEveryLoop(vertx);
        int port = FreePorts.udpAndTcp();
        FakeCallHandler handler = new FakeCallHandler();
        endpoint = new SipEndpoint(EndpointSettings.from(TestConfigs.sip(port), TestConfigs.trunks("127.0.0.0/8"),
                TestConfigs.limits()), vertx, selector, handler);
        endpoint.start();

        int local = FreePorts.udpAndTcp();
        String sdp = Sdps.pcmaFirst();
        String invite = "INVITE sip:1022@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-retrans-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:0901234567@127.0.0.1>;tag=caller1\r\n"
                + "To: <sip:1022@127.0.0.1>\r\n"
                + "Call-ID: retrans-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:0901234567@127.0.0.1:" + local + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp;
        byte[] bytes = invite.getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = RawSip.udp(new InetSocketAddress("127.0.0.1", local),
                new InetSocketAddress("127.0.0.1", port), Duration.ofMillis(1500), bytes, bytes, bytes);

        assertTrue(statuses.contains(200), "statuses " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 100 || s == 200), "statuses " + statuses);
        handler.nextCall();
        assertTrue(handler.calls.isEmpty(), "a retransmission became a second call");
        assertEquals(1, endpoint.counters().callsAdmitted());
    }
}
