package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sip.header.AllowHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ServerHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIP layer over loopback: a JAIN-SIP user agent places real calls to a real endpoint whose calls
 * run on four event-loop contexts; the fake handler checks every callback's context.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SipEndpointTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(5);
    private static Vertx vertx;
    private static EventLoopContextSelector selector;

    private int port;
    private SipEndpoint endpoint;
    private FakeCallHandler handler;
    private TestUserAgent ua;

    @BeforeAll
    static void vertx() throws Exception {
        vertx = Vertx.vertx();
        selector = EventLoopContextSelector.onEveryLoop(vertx);
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void setUp() {
        handler = new FakeCallHandler();
    }

    @AfterEach
    void tearDown() {
        if (ua != null) {
            ua.close();
        }
        if (endpoint != null) {
            endpoint.stop();
        }
        assertTrue(handler.offContext.isEmpty(), () -> "callbacks off the call's context: " + handler.offContext);
    }

    private void start(TestConfigs.Trunks trunks, TestConfigs.Limits limits, String uaTransport) throws Exception {
        port = FreePorts.udpAndTcp();
        EndpointSettings settings = EndpointSettings.from(TestConfigs.sip(port), trunks, limits);
        endpoint = new SipEndpoint(settings, vertx, selector, handler);
        endpoint.start();
        ua = TestUserAgent.start(uaTransport, port);
    }

    private void start(String uaTransport) throws Exception {
        start(TestConfigs.trunks("127.0.0.0/8"), TestConfigs.limits(), uaTransport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void callIsAnsweredConfirmedAndEndedByCallerBye(String transport) throws Exception {
        start(transport);
        assertTrue(endpoint.isListening());

        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());

        Response ok = call.finalResponse();
        assertEquals(200, ok.getStatusCode());
        String sdp = call.remoteSdp();
        assertTrue(sdp.contains("m=audio 40000 RTP/AVP 8 96\r\n"), sdp);
        assertTrue(sdp.contains("c=IN IP4 127.0.0.1\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:96 telephone-event/8000\r\n"), sdp);
        assertTrue(sdp.contains("a=ptime:20\r\n"), sdp);
        assertTrue(sdp.contains("a=sendrecv\r\n"), sdp);
        assertNotNull(call.contact());
        assertTrue(call.contact().toString().contains("127.0.0.1:" + port), call.contact().toString());
        ServerHeader server = (ServerHeader) ok.getHeader(ServerHeader.NAME);
        assertNotNull(server);
        assertEquals("dvc-hotline", server.toString().substring("Server:".length()).strip());

        SipCall sipCall = handler.nextCall();
        assertEquals("0901234567", sipCall.fromUser());
        assertEquals("1022", sipCall.toUser());
        assertEquals(30000, sipCall.offer().orElseThrow().audioPort());
        assertEquals("127.0.0.1", sipCall.remoteSignallingAddress().getAddress().getHostAddress());
        assertEquals(1, endpoint.counters().activeCalls());

        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
        NegotiatedMedia media = onContext(sipCall, () -> sipCall.negotiated().orElseThrow());
        assertEquals(8, media.codec().number());
        assertEquals(96, media.telephoneEventPt());

        assertEquals(200, call.bye().getStatusCode());
        assertEquals("ended CALLER_HANGUP", handler.nextEvent(EVENT_WAIT));
        assertEquals(0, endpoint.counters().activeCalls());
    }

    @Test
    void lateOfferGetsOurOfferAndTheAnswerComesInTheAck() throws Exception {
        start("udp");
        TestUserAgent.Call call = ua.invite(null);
        assertEquals(200, call.finalResponse().getStatusCode());
        String offer = call.remoteSdp();
        assertTrue(offer.contains("m=audio 40000 RTP/AVP 0 8 101\r\n"), offer);
        SipCall sipCall = handler.nextCall();
        assertTrue(onContext(sipCall, () -> sipCall.offer().isEmpty()));

        call.ack(Sdps.offer("0 101", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n", "sendrecv"));
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
        NegotiatedMedia media = onContext(sipCall, () -> sipCall.negotiated().orElseThrow());
        assertEquals(0, media.codec().number());
        assertEquals(101, media.telephoneEventPt());
        call.bye();
        assertEquals("ended CALLER_HANGUP", handler.nextEvent(EVENT_WAIT));
    }

    @Test
    void offerWithoutG711Gets488AndNeverReachesTheHandler() throws Exception {
        start("udp");
        TestUserAgent.Call call = ua.invite(Sdps.offer("18 9", "a=rtpmap:18 G729/8000\r\n", "sendrecv"));
        assertEquals(488, call.finalResponse().getStatusCode());
        assertTrue(handler.calls.isEmpty());
        assertEquals(1, endpoint.counters().rejected(488));
        assertEquals(0, endpoint.counters().activeCalls());
    }

    @Test
    void holdAndUnholdByReinvite() throws Exception {
        start("udp");
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));

        Response hold = call.reinvite(Sdps.pcmaFirst("sendonly"));
        assertEquals(200, hold.getStatusCode());
        assertTrue(new String(hold.getRawContent()).contains("a=recvonly\r\n"));
        assertEquals("media hold sendonly", handler.nextEvent(EVENT_WAIT));

        Response unhold = call.reinvite(Sdps.pcmaFirst("sendrecv"));
        assertEquals(200, unhold.getStatusCode());
        assertTrue(new String(unhold.getRawContent()).contains("a=sendrecv\r\n"));
        assertEquals("media active sendrecv", handler.nextEvent(EVENT_WAIT));

        // RFC 2543 hold
        Response oldHold = call.reinvite(Sdps.offer("0.0.0.0", "0", "", "sendrecv"));
        assertEquals(200, oldHold.getStatusCode());
        assertEquals("media hold sendrecv", handler.nextEvent(EVENT_WAIT));

        Response inactive = call.reinvite(Sdps.pcmaFirst("inactive"));
        assertTrue(new String(inactive.getRawContent()).contains("a=inactive\r\n"));
        assertEquals("media hold inactive", handler.nextEvent(EVENT_WAIT));

        call.bye();
        assertEquals("ended CALLER_HANGUP", handler.nextEvent(EVENT_WAIT));
    }

    @Test
    void cancelBeforeTheAnswer() throws Exception {
        start("udp");
        handler.decision = c -> { }; // the orchestration is still binding its RTP socket
        TestUserAgent.Call call = ua.startInvite(Sdps.pcmaFirst());
        call.awaitProvisional(100);
        handler.nextCall();
        assertEquals(200, call.cancel().getStatusCode());
        assertEquals(487, call.awaitFinal().getStatusCode());
        assertEquals("ended CANCELLED", handler.nextEvent(EVENT_WAIT));
        assertEquals(0, endpoint.counters().activeCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void serviceHangUpSendsBye(String transport) throws Exception {
        start(transport);
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
        SipCall sipCall = handler.nextCall();
        sipCall.context().runOnContext(v -> sipCall.hangUp());
        assertByeOver(transport, call.awaitByeFromService(EVENT_WAIT));
        assertEquals("ended SERVICE_HANGUP", handler.nextEvent(EVENT_WAIT));
    }

    /** Repeated, because the stack's NIO TCP lost the BYE only now and then (a race on a new connection). */
    @Test
    void serviceHangUpOverTcpReachesTheCallerEveryTime() throws Exception {
        start("tcp");
        for (int i = 0; i < 5; i++) {
            TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
            call.ack();
            assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
            SipCall sipCall = handler.nextCall();
            sipCall.context().runOnContext(v -> sipCall.hangUp());
            assertByeOver("tcp", call.awaitByeFromService(EVENT_WAIT));
            assertEquals("ended SERVICE_HANGUP", handler.nextEvent(EVENT_WAIT));
        }
    }

    private static void assertByeOver(String transport, Request bye) {
        assertNotNull(bye, "BYE from the service");
        ViaHeader via = (ViaHeader) bye.getHeader(ViaHeader.NAME);
        assertEquals(transport, via.getTransport().toLowerCase(Locale.ROOT), bye::toString);
    }

    @Test
    void rejectByTheHandler() throws Exception {
        start("udp");
        handler.decision = c -> c.reject(486);
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        assertEquals(486, call.finalResponse().getStatusCode());
        assertEquals("ended REJECTED", handler.nextEvent(EVENT_WAIT));
    }

    @Test
    void sipInfoDtmf() throws Exception {
        start("udp");
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));

        assertEquals(200, call.info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").getStatusCode());
        assertEquals("dtmf 5", handler.nextEvent(EVENT_WAIT));
        assertEquals(200, call.info("application/dtmf", "#").getStatusCode());
        assertEquals("dtmf #", handler.nextEvent(EVENT_WAIT));
        assertEquals(415, call.info("text/plain", "5").getStatusCode());
        assertEquals(400, call.info("application/dtmf-relay", "Signal=X\r\n").getStatusCode());
        call.bye();
        assertEquals("ended CALLER_HANGUP", handler.nextEvent(EVENT_WAIT));
    }

    @Test
    void optionsAndMethodsWeDoNotServe() throws Exception {
        start("udp");
        Response options = ua.options();
        assertEquals(200, options.getStatusCode());
        assertNotNull(options.getHeader(AllowHeader.NAME));
        Response register = ua.request(Request.REGISTER);
        assertEquals(405, register.getStatusCode());
        assertTrue(register.getHeader(AllowHeader.NAME).toString().contains("INVITE"));
        assertEquals(501, ua.request("FOOBAR").getStatusCode());
    }

    @Test
    void capacityGives503WithRetryAfter() throws Exception {
        start(TestConfigs.trunks("127.0.0.0/8"),
                new TestConfigs.Limits(1, Duration.ofMinutes(15), Duration.ofSeconds(32), Duration.ofSeconds(7)),
                "udp");
        TestUserAgent.Call first = ua.invite(Sdps.pcmaFirst());
        assertEquals(200, first.finalResponse().getStatusCode());
        first.ack();
        TestUserAgent.Call second = ua.invite(Sdps.pcmaFirst());
        assertEquals(503, second.finalResponse().getStatusCode());
        RetryAfterHeader retry = (RetryAfterHeader) second.finalResponse().getHeader(RetryAfterHeader.NAME);
        assertEquals(7, retry.getRetryAfter());
        assertEquals(1, endpoint.counters().rejected(503));
        first.bye();
        TestUserAgent.Call third = ua.invite(Sdps.pcmaFirst());
        assertEquals(200, third.finalResponse().getStatusCode());
        third.ack();
        third.bye();
    }

    @Test
    void sourceOutsideTheAllowListGets403() throws Exception {
        start(TestConfigs.trunks("127.0.0.2/32"), TestConfigs.limits(), "udp");
        assertEquals(403, ua.invite(Sdps.pcmaFirst()).finalResponse().getStatusCode());
        assertEquals(403, ua.options().getStatusCode());
        assertTrue(handler.calls.isEmpty());
        assertEquals(1, endpoint.counters().rejected(403));

        try (TestUserAgent allowed = TestUserAgent.startOn("127.0.0.2", "udp", port)) {
            TestUserAgent.Call call = allowed.invite(Sdps.pcmaFirst());
            assertEquals(200, call.finalResponse().getStatusCode());
            call.ack();
            call.bye();
        }
    }

    @Test
    void drainRefusesNewCallsAndOptions() throws Exception {
        start("udp");
        endpoint.drain(true);
        Response invite = ua.invite(Sdps.pcmaFirst()).finalResponse();
        assertEquals(503, invite.getStatusCode());
        assertNotNull(invite.getHeader(RetryAfterHeader.NAME));
        assertEquals(503, ua.options().getStatusCode());
        endpoint.drain(false);
        assertEquals(200, ua.options().getStatusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void missingAckEndsTheCallWithBye(String transport) throws Exception {
        start(TestConfigs.trunks("127.0.0.0/8"),
                new TestConfigs.Limits(10, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(30)),
                transport);
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        assertEquals(200, call.finalResponse().getStatusCode());
        assertByeOver(transport, call.awaitByeFromService(EVENT_WAIT));
        assertEquals("ended ACK_TIMEOUT", handler.nextEvent(EVENT_WAIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void maximumDurationEndsTheCallWithBye(String transport) throws Exception {
        start(TestConfigs.trunks("127.0.0.0/8"),
                new TestConfigs.Limits(10, Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(30)),
                transport);
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
        assertByeOver(transport, call.awaitByeFromService(EVENT_WAIT));
        assertEquals("ended MAX_DURATION", handler.nextEvent(EVENT_WAIT));
        assertNull(call.awaitByeFromService(Duration.ofMillis(300)), "only one BYE");
    }

    @Test
    void answerLaterFromTheContext() throws Exception {
        start("udp");
        handler.decision = c -> vertx.setTimer(200, id -> c.answer(40002)); // e.g. after binding RTP
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        assertEquals(200, call.finalResponse().getStatusCode());
        assertTrue(call.remoteSdp().contains("m=audio 40002 "));
        call.ack();
        call.bye();
    }

    @Test
    void udpIsReadIntoOneBufferAndAnsweredFromTheListeningPort() throws Exception {
        start("udp");
        assertTrue(endpoint.readsUdpIntoOneBuffer(), ReusedBufferUdpProcessor.unavailableReason()::toString);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            // RFC 3261 allows UDP messages up to 65,535 bytes; then a short one, read after it into the same buffer
            for (int padding : new int[] {40_000, 0, 12_000, 10}) {
                byte[] options = options(socket.getLocalPort(), padding);
                socket.send(new DatagramPacket(options, options.length, new InetSocketAddress("127.0.0.1", port)));
                DatagramPacket response = new DatagramPacket(new byte[65_535], 65_535);
                socket.receive(response);
                String text = new String(response.getData(), 0, response.getLength(), StandardCharsets.UTF_8);
                assertEquals(List.of(200), RawSip.statuses(text), text);
                assertTrue(text.contains("CSeq: " + (padding + 1) + " OPTIONS"), text);
                assertEquals(port, response.getPort(), "the response's source port");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void theStacksNioTcpCarriesCallsBesideOurUdpReader(String transport) throws Exception {
        startWith(new TestConfigs.Stack(4, 1000, 1 << 20, 1 << 20, true, 65536, 10_000));
        ua = TestUserAgent.start(transport, port);
        assertTrue(endpoint.readsUdpIntoOneBuffer());
        callAndHangUp();
    }

    @Test
    void aUdpFloodPastTheQueueLimitIsDroppedAndCallsAreAnsweredAfterIt() throws Exception {
        startWith(new TestConfigs.Stack(1, 1000, 1 << 20, 1 << 20, false, 65536, 1)); // one parser, one queued
        try (DatagramSocket flood = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
            for (int i = 0; i < 3000; i++) {
                byte[] options = options(flood.getLocalPort(), i);
                flood.send(new DatagramPacket(options, options.length, target));
            }
        }
        assertTrue(endpoint.udpDatagramsDropped() > 0, "one parsing thread, one datagram queued, 3,000 sent");

        ua = TestUserAgent.start("udp", port);
        assertEquals(200, ua.options().getStatusCode());
        callAndHangUp();
    }

    /** An endpoint on loopback UDP and TCP with the given stack tuning. */
    private void startWith(TestConfigs.Stack stack) {
        port = FreePorts.udpAndTcp();
        TestConfigs.Sip sip = new TestConfigs.Sip("127.0.0.1", port, List.of("udp", "tcp"), Optional.empty(), stack);
        endpoint = new SipEndpoint(EndpointSettings.from(sip, TestConfigs.trunks("127.0.0.0/8"), TestConfigs.limits()),
                vertx, selector, handler);
        endpoint.start();
    }

    /** A whole call from the user agent: answered, confirmed, ended by its BYE. */
    private void callAndHangUp() throws Exception {
        TestUserAgent.Call call = ua.invite(Sdps.pcmaFirst());
        assertEquals(200, call.finalResponse().getStatusCode());
        assertNotNull(handler.nextCall());
        call.ack();
        assertEquals("confirmed 30000", handler.nextEvent(EVENT_WAIT));
        assertEquals(200, call.bye().getStatusCode());
        assertEquals("ended CALLER_HANGUP", handler.nextEvent(EVENT_WAIT));
    }

    private static byte[] options(int localPort, int padding) {
        String message = "OPTIONS sip:hotline@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-big-" + padding + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:trunk@127.0.0.1>;tag=big" + padding + "\r\n"
                + "To: <sip:hotline@127.0.0.1>\r\n"
                + "Call-ID: big-options-" + padding + "@127.0.0.1\r\n"
                + "CSeq: " + (padding + 1) + " OPTIONS\r\n"
                + "X-Padding: " + "p".repeat(padding) + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        return message.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void stopReleasesThePorts() throws Exception {
        start("udp");
        endpoint.stop();
        assertFalse(endpoint.isListening());
        EndpointSettings again = EndpointSettings.from(TestConfigs.sip(port), TestConfigs.trunks("127.0.0.0/8"),
                TestConfigs.limits());
        SipEndpoint second = new SipEndpoint(again, vertx, selector, handler);
        second.start();
        assertTrue(second.isListening());
        second.stop();
    }

    private static <T> T onContext(SipCall call, Supplier<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.context().runOnContext(v -> result.complete(read.get()));
        return result.get(5, TimeUnit.SECONDS);
    }
}
