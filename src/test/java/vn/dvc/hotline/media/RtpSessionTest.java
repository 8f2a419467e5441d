package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RtpSession} over loopback against a plain {@link java.net.DatagramSocket} peer ({@link RtpPeer}),
 * each call on a socket of its own ({@code per-call}); {@link RtpSessionSharedSocketTest} runs the same
 * tests on the loop's shared socket. Ports 41000-41199 (sessions) and 41900-41919 (pool edge cases), away
 * from other tests.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RtpSessionTest {

    private static final int TE = 101;
    private static final Duration NEVER = Duration.ofSeconds(30);

    private Vertx vertx;
    private Context ctx;
    private RtpPortPool pool;
    private final List<RtpSession> sessions = new ArrayList<>();
    private final List<RtpPeer> peers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        ctx = vertx.getOrCreateContext();
        pool = new RtpPortPool(41000, 41199);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (RtpSession s : sessions) {
            on(s::close);
        }
        peers.forEach(RtpPeer::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // ---- the stream ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Law.class)
    void streamCarriesEachPromptFrameByFrameWithSilenceBetween(Law law) {
        EncodedClip a = clip(5, 1);
        EncodedClip b = clip(3, 2);
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        AtomicInteger finishedA = new AtomicInteger();
        AtomicInteger finishedB = new AtomicInteger();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        on(() -> s.start(peer.address(), law, TE));
        List<RtpPeer.Received> packets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            packets.add(received(peer.receive(1000)));
        }
        on(() -> s.play(List.of(a), () -> {
            finishedA.incrementAndGet();
            contexts.add(Vertx.currentContext());
            // a pause of silence, then the next prompt
            vertx.setTimer(100, id -> s.play(List.of(b), () -> {
                finishedB.incrementAndGet();
                contexts.add(Vertx.currentContext());
            }));
        }));
        packets.addAll(peer.collect(800));

        assertContinuousStream(packets, law);
        assertTrue(packets.get(0).marker(), "the first packet starts a talkspurt");
        int ia = firstNonSilence(packets, law, 0);
        for (int i = 0; i < ia; i++) {
            assertSilence(packets.get(i), law);
            assertEquals(i == 0, packets.get(i).marker(), "marker only on the very first silence packet");
        }
        assertFrames(packets, ia, a, law);
        int ib = firstNonSilence(packets, law, ia + a.frameCount());
        assertTrue(ib > ia + a.frameCount(), "silence frames between the prompts");
        for (int i = ia + a.frameCount(); i < ib; i++) {
            assertSilence(packets.get(i), law);
            assertFalse(packets.get(i).marker());
        }
        assertFrames(packets, ib, b, law);
        int after = ib + b.frameCount();
        assertTrue(packets.size() > after + 3, "silence after the last prompt");
        for (int i = after; i < packets.size(); i++) {
            assertSilence(packets.get(i), law);
            assertFalse(packets.get(i).marker());
        }
        awaitTrue(() -> finishedB.get() == 1, "onFinished of the second prompt");
        assertEquals(1, finishedA.get());
        assertEquals(List.of(ctx, ctx), contexts, "onFinished runs on the session's context");
        assertEquals((long) packets.size(), (long) call(s::packetsSent), 5, "packets sent");
    }

    @Test
    void clipsOfOnePlayAreOnePrompt() {
        EncodedClip a = clip(4, 3);
        EncodedClip b = clip(2, 4);
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        AtomicInteger finished = new AtomicInteger();
        on(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            s.play(List.of(a, EncodedClip.silence(0), b), finished::incrementAndGet);
        });
        List<RtpPeer.Received> packets = peer.collect(300);
        assertContinuousStream(packets, Law.PCMU);
        assertFrames(packets, 0, a, Law.PCMU);
        assertFrames(packets, a.frameCount(), b, Law.PCMU, false);
        assertSilence(packets.get(a.frameCount() + b.frameCount()), Law.PCMU);
        awaitTrue(() -> finished.get() == 1, "onFinished once");
    }

    @Test
    void digitDuringPromptBargesIntoTheNextPromptAtOnce() {
        EncodedClip a = clip(100, 5);
        EncodedClip b = clip(5, 6);
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        List<Character> digits = new CopyOnWriteArrayList<>();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        AtomicInteger finishedA = new AtomicInteger();
        on(() -> {
            s.start(peer.address(), Law.PCMA, TE);
            s.onDigit(d -> {
                digits.add(d);
                contexts.add(Vertx.currentContext());
                s.play(List.of(b), null);
            });
            s.play(List.of(a), finishedA::incrementAndGet);
        });
        List<RtpPeer.Received> packets = new ArrayList<>();
        while (packets.size() < 10) {
            packets.add(received(peer.receive(1000)));
        }
        peer.sendEvent(RtpPeer.loopback(s.localPort()), TE, true, 4000, 1, false, 160);
        packets.addAll(peer.collect(400));

        assertContinuousStream(packets, Law.PCMA);
        int lastA = -1;
        for (int i = 0; i < packets.size(); i++) {
            if (frameIndex(a, Law.PCMA, packets.get(i).payload()) >= 0) {
                lastA = i;
            }
        }
        assertTrue(lastA >= 9 && lastA < 90, "A was interrupted, at " + lastA);
        assertFrames(packets, 0, a, Law.PCMA, true, lastA + 1);
        assertFrames(packets, lastA + 1, b, Law.PCMA);
        assertEquals(List.of('1'), digits);
        assertEquals(List.of(ctx), contexts, "the digit listener runs on the session's context");
        peer.collect(100);
        assertEquals(0, finishedA.get(), "a replaced prompt never reports finished");
    }

    @Test
    void pacingHoldsTwentyMillisecondsOverTwoSeconds() {
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        on(() -> s.start(peer.address(), Law.PCMU, TE));
        received(peer.receive(1000));
        long loopThread = call(() -> Thread.currentThread().getId());
        long allocatedBefore = allocatedBytes(loopThread);
        long sentBefore = call(s::packetsSent);
        List<RtpPeer.Received> packets = peer.collect(2000);
        long perPacket = (allocatedBytes(loopThread) - allocatedBefore) / Math.max(1, call(s::packetsSent) - sentBefore);
        System.out.printf("RTP send path: about %d bytes allocated on the event loop per packet (one session),"
                + " native transport %s%n", perPacket, vertx.isNativeTransportEnabled());
        assertContinuousStream(packets, Law.PCMU);
        long[] gaps = new long[packets.size() - 1];
        for (int i = 1; i < packets.size(); i++) {
            gaps[i - 1] = packets.get(i).arrivalNanos() - packets.get(i - 1).arrivalNanos();
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(gaps).average().orElseThrow() / 1e6;
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf("RTP pacing over %d packets: mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms,"
                + " late ticks %d%n", packets.size(), mean, p50, p99, max, call(s::lateTicks));
        assertTrue(mean > 15 && mean < 25, "mean inter-arrival " + mean + " ms");
        assertTrue(packets.size() >= 90 && packets.size() <= 110, packets.size() + " packets in 2 s");
    }

    @Test
    void aStalledLoopSkipsFramesWithoutLosingThePrompt() {
        EncodedClip a = clip(100, 9);
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        on(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            s.play(List.of(a), null);
        });
        List<RtpPeer.Received> packets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            packets.add(received(peer.receive(1000)));
        }
        on(() -> {
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // a loop blocked by someone else's work (what must never happen)
            }
        });
        packets.addAll(peer.collect(300));
        int gap = -1;
        for (int i = 1; i < packets.size(); i++) {
            RtpPeer.Received p = packets.get(i);
            RtpPeer.Received q = packets.get(i - 1);
            assertEquals((q.sequence() + 1) & 0xFFFF, p.sequence(), "sequence counts packets, not time");
            assertEquals(frameIndex(a, Law.PCMU, q.payload()) + 1, frameIndex(a, Law.PCMU, p.payload()),
                    "no frame of the prompt is lost");
            long step = (p.timestamp() - q.timestamp()) & 0xFFFF_FFFFL;
            if (step != 160) {
                assertEquals(-1, gap, "one gap");
                gap = i;
                assertTrue(step >= 160 * 5 && step % 160 == 0, "the timestamp jumps over the stall: " + step);
                assertTrue(p.marker(), "the first packet after the gap starts a talkspurt");
            } else {
                assertFalse(p.marker());
            }
        }
        assertTrue(gap > 0, "the stall shows as a timestamp gap");
        assertTrue(call(s::lateTicks) >= 1);
    }

    // ---- the receive side -------------------------------------------------------------------------------

    @Test
    void onlyTheSignalledAddressAndPortAreHeard() {
        RtpPeer peer = peer();
        RtpPeer otherPort = peer();
        RtpPeer otherHost = tryPeer("127.0.0.2");
        RtpSession s = open(config(NEVER));
        List<Character> digits = new CopyOnWriteArrayList<>();
        on(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            s.onDigit(digits::add);
        });
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        byte[] silence = silenceFrame(Law.PCMU);
        otherPort.sendRtp(target, false, 0, 160, silence);
        otherPort.sendEvent(target, TE, true, 800, 5, false, 160);
        if (otherHost != null) {
            otherHost.sendRtp(target, false, 0, 160, silence);
            otherHost.sendEvent(target, TE, true, 1600, 6, false, 160);
        }
        assertFalse(call(s::latched));
        peer.sendRtp(target, false, 0, 320, silence);
        awaitTrue(() -> call(s::packetsReceived) == 1, "the peer's packet");
        assertTrue(call(s::latched));
        assertEquals(otherHost != null ? 4 : 2, dropped(s));

        otherPort.sendEvent(target, TE, true, 2400, 7, false, 160);
        peer.sendRtp(target, false, 0, 480, silence);
        awaitTrue(() -> call(s::packetsReceived) == 2, "the peer's second packet");
        assertEquals(List.of(), digits, "digits from strangers are not heard");
        assertNotNull(peer.receive(500), "media still goes to the signalled address");
        assertNull(otherPort.receive(200), "a stranger never gets media: the latch did not move");

        peer.sendRaw(target, new byte[] {1, 2, 3, 4, 5});
        byte[] versionOne = new byte[12];
        versionOne[0] = 0x40;
        peer.sendRaw(target, versionOne);
        byte[] hugePadding = new byte[20];
        hugePadding[0] = (byte) 0xA0;
        hugePadding[19] = (byte) 200;
        peer.sendRaw(target, hugePadding);
        peer.sendRaw(target, new byte[0]);
        peer.sendEvent(target, TE, true, 3200, 2, false, 160);
        awaitTrue(() -> call(s::packetsReceived) == 3, "a valid packet after garbage");
        assertEquals(4, call(s::packetsMalformed));
        assertEquals(List.of('2'), digits);
    }

    @Test
    void telephoneEventIsReportedOncePerPress() {
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        List<Character> digits = new CopyOnWriteArrayList<>();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        on(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            s.onDigit(d -> {
                digits.add(d);
                contexts.add(Vertx.currentContext());
            });
        });
        assertEquals("rfc4733", call(s::dtmfMode));
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        // '5': start with marker, two continuations, three ends (RFC 4733 §2.5.1.4)
        peer.sendEvent(target, TE, true, 8000, 5, false, 160);
        peer.sendEvent(target, TE, false, 8000, 5, false, 320);
        peer.sendEvent(target, TE, false, 8000, 5, false, 480);
        for (int i = 0; i < 3; i++) {
            peer.sendEvent(target, TE, false, 8000, 5, true, 640);
        }
        // '#' whose first packets were lost: a continuation without marker is the first we see
        peer.sendEvent(target, TE, false, 16000, 11, false, 480);
        for (int i = 0; i < 3; i++) {
            peer.sendEvent(target, TE, false, 16000, 11, true, 640);
        }
        // '5' again: a new press, a new timestamp
        peer.sendEvent(target, TE, true, 24000, 5, false, 160);
        peer.sendEvent(target, TE, false, 24000, 5, true, 320);
        // in-band tones are not listened to when telephone-event was negotiated
        int sent = 12;
        for (byte[] frame : toneFrames('9', 5, Law.PCMU)) {
            peer.sendRtp(target, false, 0, 32000 + 160L * sent, frame);
            sent++;
        }
        int expected = sent;
        awaitTrue(() -> call(s::packetsReceived) == expected, "all packets");
        assertEquals(List.of('5', '#', '5'), digits);
        assertEquals(List.of(ctx, ctx, ctx), contexts);
    }

    @Test
    void inBandTonesAreDetectedWithoutTelephoneEvent() {
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        List<Character> digits = new CopyOnWriteArrayList<>();
        on(() -> {
            s.start(peer.address(), Law.PCMA, RtpSession.NO_TELEPHONE_EVENT);
            s.onDigit(digits::add);
        });
        assertEquals("inband", call(s::dtmfMode));
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frames.add(silenceFrame(Law.PCMA));
        }
        frames.addAll(toneFrames('7', 5, Law.PCMA));
        for (int i = 0; i < 5; i++) {
            frames.add(silenceFrame(Law.PCMA));
        }
        frames.addAll(toneFrames('7', 5, Law.PCMA));
        frames.addAll(toneFrames('#', 5, Law.PCMA));
        for (int i = 0; i < 3; i++) {
            frames.add(silenceFrame(Law.PCMA));
        }
        long ts = 0;
        for (byte[] frame : frames) {
            peer.sendRtp(target, false, Law.PCMA.payloadType(), ts, frame);
            ts += 160;
        }
        awaitTrue(() -> call(s::packetsReceived) == frames.size(), "all frames");
        assertEquals(List.of('7', '7', '#'), digits);
    }

    @Test
    void silenceFromTheCallerEndsTheCallButFlowingPacketsDoNot() throws InterruptedException {
        Duration timeout = Duration.ofMillis(300);
        RtpPeer quiet = peer();
        RtpPeer talking = peer();
        RtpSession dead = open(config(timeout));
        RtpSession alive = open(config(timeout));
        List<Long> deadAt = new CopyOnWriteArrayList<>();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        AtomicInteger aliveFired = new AtomicInteger();
        long started = System.nanoTime();
        on(() -> {
            dead.onInactive(() -> {
                deadAt.add(System.nanoTime());
                contexts.add(Vertx.currentContext());
            });
            dead.start(quiet.address(), Law.PCMU, TE);
            alive.onInactive(aliveFired::incrementAndGet);
            alive.start(talking.address(), Law.PCMU, TE);
        });
        InetSocketAddress target = RtpPeer.loopback(alive.localPort());
        long ts = 0;
        long end = System.nanoTime() + 800_000_000L;
        while (System.nanoTime() < end) {
            talking.sendRtp(target, false, 0, ts, silenceFrame(Law.PCMU)); // a caller sends every 20 ms
            ts += 160;
            Thread.sleep(20);
        }
        assertEquals(1, deadAt.size(), "the silent call was reported once");
        double afterMs = (deadAt.get(0) - started) / 1e6;
        assertTrue(afterMs >= 290 && afterMs < 700, "reported after " + afterMs + " ms");
        assertEquals(List.of(ctx), contexts);
        assertEquals(0, aliveFired.get(), "not while packets flow");
        awaitTrue(() -> aliveFired.get() == 1, "reported once the packets stop");
        assertEquals(1, deadAt.size());
    }

    // ---- hold, re-INVITE, close -------------------------------------------------------------------------

    @Test
    void holdSendsNothingAndUnholdResumesThePromptWithMarker() {
        EncodedClip a = clip(200, 7);
        RtpPeer peer = peer();
        RtpSession s = open(config(Duration.ofMillis(300)));
        AtomicInteger inactive = new AtomicInteger();
        on(() -> {
            s.onInactive(inactive::incrementAndGet);
            s.start(peer.address(), Law.PCMU, TE);
            s.play(List.of(a), null);
        });
        for (int i = 0; i < 10; i++) {
            received(peer.receive(1000));
        }
        peer.sendRtp(RtpPeer.loopback(s.localPort()), false, 0, 0, silenceFrame(Law.PCMU));
        awaitTrue(() -> call(s::packetsReceived) == 1, "the caller's packet");
        on(() -> s.hold(true));
        List<RtpPeer.Received> inFlight = peer.drain(100);
        assertNull(peer.receive(300), "nothing is sent while held");
        RtpPeer.Received last = inFlight.isEmpty() ? null : inFlight.get(inFlight.size() - 1);
        on(() -> s.hold(false));
        RtpPeer.Received resumed = received(peer.receive(1000));
        assertTrue(resumed.marker(), "unhold starts a talkspurt");
        if (last != null) {
            assertEquals((last.sequence() + 1) & 0xFFFF, resumed.sequence(), "sequence counts packets only");
            long elapsed = (resumed.timestamp() - last.timestamp()) & 0xFFFF_FFFFL;
            assertEquals(0, elapsed % 160);
            assertTrue(elapsed >= 160 * 15, "the timestamp kept time over the hold: " + elapsed);
            assertEquals(frameIndex(a, Law.PCMU, last.payload()) + 1, frameIndex(a, Law.PCMU, resumed.payload()),
                    "the prompt resumes where it paused");
        }
        assertEquals(0, inactive.get(), "a held caller may send nothing for longer than the timeout");
    }

    @Test
    void reinviteMovesTheStreamWithoutRestartingIt() {
        RtpPeer first = peer();
        RtpPeer second = peer();
        RtpSession s = open(config(NEVER));
        on(() -> s.start(first.address(), Law.PCMU, TE));
        for (int i = 0; i < 3; i++) {
            received(first.receive(1000));
        }
        on(() -> s.update(second.address(), Law.PCMA, 96));
        List<RtpPeer.Received> tail = first.drain(100);
        RtpPeer.Received moved = received(second.receive(1000));
        assertTrue(moved.marker());
        assertEquals(Law.PCMA.payloadType(), moved.payloadType());
        assertEquals(call(s::ssrc), moved.ssrc(), "one SSRC for the call");
        assertSilence(moved, Law.PCMA);
        if (!tail.isEmpty()) {
            RtpPeer.Received last = tail.get(tail.size() - 1);
            assertEquals((last.sequence() + 1) & 0xFFFF, moved.sequence());
            assertEquals((last.timestamp() + 160) & 0xFFFF_FFFFL, moved.timestamp());
        }
        // the strict source moved with the address
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        first.sendEvent(target, 96, true, 800, 3, false, 160);
        second.sendEvent(target, 96, true, 800, 4, false, 160);
        awaitTrue(() -> call(s::packetsReceived) == 1, "the new address is heard");
        assertEquals(1, dropped(s));
    }

    @Test
    void closeStopsTheStreamAndGivesThePortBack() {
        int before = pool.available();
        RtpPeer peer = peer();
        RtpSession s = open(config(NEVER));
        RtpSession other = open(config(NEVER));
        if (shared()) {
            assertEquals(s.localPort(), other.localPort(), "the calls of one loop share its socket");
            assertEquals(before - 1, pool.available(), "one port for the loop");
        } else {
            assertEquals(before - 2, pool.available());
        }
        on(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            s.play(List.of(clip(100, 8)), () -> {
                throw new AssertionError("closed sessions report nothing");
            });
        });
        received(peer.receive(1000));
        on(s::close);
        on(s::close);
        awaitTrue(() -> pool.available() == before - 1, shared() ? "the shared port stays" : "port released");
        peer.drain(100);
        assertNull(peer.receive(300), "nothing is sent after close");
        assertTrue(call(s::isClosed));
        other.close(); // from the test thread: hops to the call's context
        int after = shared() ? before - 1 : before; // a shared socket lives as long as its loop
        awaitTrue(() -> pool.available() == after, "port released from a foreign thread");
        awaitTrue(() -> call(RtpPacer::count) == 0, "the loop's pacer stops with its last session");
        assertThrows(IllegalStateException.class, () -> callChecked(() -> {
            s.start(peer.address(), Law.PCMU, TE);
            return null;
        }));
    }

    @Test
    void methodsOffTheCallsEventLoopAreRefused() {
        RtpSession s = open(config(NEVER));
        RtpPeer peer = peer();
        assertThrows(IllegalStateException.class, () -> s.start(peer.address(), Law.PCMU, TE));
        assertThrows(IllegalStateException.class, () -> s.play(List.of(), null));
        Future<RtpSession> offContext = RtpSession.open(vertx, pool, config(NEVER));
        assertTrue(offContext.failed());
        assertTrue(offContext.cause() instanceof IllegalStateException);
        assertThrows(IllegalArgumentException.class, () -> callChecked(() -> {
            s.start(InetSocketAddress.createUnresolved("trunk.example", 4000), Law.PCMU, TE);
            return null;
        }));
    }

    @Test
    void portsComeFromThePool() throws Exception {
        if (shared()) {
            // One socket per event loop: its calls take no port of their own, so more calls than ports all fit.
            RtpPortPool small = new RtpPortPool(41920, 41923);
            RtpConfig config = TestRtpConfig.loopback(41920, 41923, NEVER, layout());
            java.util.List<Integer> ports = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RtpSession s = open(small, config);
                sessions.add(s);
                ports.add(s.localPort());
            }
            int port = ports.get(0);
            assertTrue(port == 41920 || port == 41922, "a port of the pool: " + port);
            assertEquals(java.util.List.of(port, port, port), ports, "the calls of one loop share one port");
            assertEquals(1, small.available());
            return;
        }
        RtpPortPool small = new RtpPortPool(41900, 41903);
        RtpConfig config = TestRtpConfig.loopback(41900, 41903, NEVER);
        sessions.add(open(small, config));
        sessions.add(open(small, config));
        ExecutionException full = assertThrows(ExecutionException.class, () -> openFuture(small, config).get(5,
                TimeUnit.SECONDS));
        assertTrue(full.getCause().getMessage().startsWith("no free RTP port"), full.getCause().getMessage());

        RtpPortPool busy = new RtpPortPool(41910, 41913);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress("127.0.0.1", 41910))) {
            RtpSession s = open(busy, TestRtpConfig.loopback(41910, 41913, NEVER));
            sessions.add(s);
            assertEquals(41912, s.localPort());
            assertEquals(1, busy.available(), "the busy port went back to the pool");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The socket layout under test. */
    RtpConfig.SocketLayout layout() {
        return RtpConfig.SocketLayout.PER_CALL;
    }

    private boolean shared() {
        return layout() == RtpConfig.SocketLayout.PER_EVENT_LOOP;
    }

    private RtpConfig config(Duration inactivity) {
        return TestRtpConfig.loopback(41000, 41199, inactivity, layout());
    }

    /** Packets from strangers: counted by the call's own socket, or by the shared one. */
    private long dropped(RtpSession s) {
        return call(() -> shared() ? s.socket().packetsFromUnknownSources() : s.packetsDropped());
    }

    private RtpSession open(RtpConfig config) {
        RtpSession s = open(pool, config);
        sessions.add(s);
        return s;
    }

    private RtpSession open(RtpPortPool ports, RtpConfig config) {
        try {
            return openFuture(ports, config).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private CompletableFuture<RtpSession> openFuture(RtpPortPool ports, RtpConfig config) {
        CompletableFuture<RtpSession> result = new CompletableFuture<>();
        ctx.runOnContext(v -> RtpSession.open(vertx, ports, config).onComplete(ar -> {
            if (ar.succeeded()) {
                assertSame(ctx, Vertx.currentContext(), "open completes on the call's context");
                result.complete(ar.result());
            } else {
                result.completeExceptionally(ar.cause());
            }
        }));
        return result;
    }

    private RtpPeer peer() {
        RtpPeer peer = new RtpPeer();
        peers.add(peer);
        return peer;
    }

    /** A peer on another loopback address, or null where the system does not route 127.0.0.2. */
    private RtpPeer tryPeer(String address) {
        try {
            RtpPeer peer = new RtpPeer(address);
            peers.add(peer);
            return peer;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void on(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(Callable<T> action) {
        try {
            return callChecked(action);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs on the call's context and returns its result, rethrowing what it threw. */
    private <T> T callChecked(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        ctx.runOnContext(v -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw new AssertionError(e.getCause());
        }
    }

    /** Bytes a thread has allocated so far (HotSpot), or 0 where not supported. */
    private static long allocatedBytes(long threadId) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getThreadAllocatedBytes(threadId);
        }
        return 0;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + 3_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static RtpPeer.Received received(RtpPeer.Received r) {
        assertNotNull(r, "no packet within the timeout");
        return r;
    }

    /** A clip of {@code frames} frames of noise, different for every seed, no frame silent. */
    private static EncodedClip clip(int frames, long seed) {
        Random random = new Random(seed);
        short[] pcm = new short[frames * EncodedClip.FRAME_BYTES];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (random.nextInt(20_000) - 10_000);
        }
        return EncodedClip.fromPcm(pcm);
    }

    private static byte[] frame(EncodedClip clip, Law law, int frame) {
        byte[] all = clip.toByteArray(law);
        return Arrays.copyOfRange(all, frame * EncodedClip.FRAME_BYTES, (frame + 1) * EncodedClip.FRAME_BYTES);
    }

    private static int frameIndex(EncodedClip clip, Law law, byte[] payload) {
        for (int f = 0; f < clip.frameCount(); f++) {
            if (Arrays.equals(frame(clip, law, f), payload)) {
                return f;
            }
        }
        return -1;
    }

    private static byte[] silenceFrame(Law law) {
        byte[] frame = new byte[EncodedClip.FRAME_BYTES];
        Arrays.fill(frame, law.silence());
        return frame;
    }

    /** {@code frames} frames of the key's two tones, each about -12 dBm0, phase-continuous. */
    private static List<byte[]> toneFrames(char key, int frames, Law law) {
        int[] rows = {697, 770, 852, 941};
        int[] columns = {1209, 1336, 1477, 1633};
        String keys = "123A456B789C*0#D";
        int index = keys.indexOf(key);
        double row = rows[index / 4];
        double column = columns[index % 4];
        List<byte[]> out = new ArrayList<>();
        int n = 0;
        for (int f = 0; f < frames; f++) {
            byte[] frame = new byte[EncodedClip.FRAME_BYTES];
            for (int i = 0; i < frame.length; i++, n++) {
                double t = n / 8000.0;
                double sample = 5000 * (Math.sin(2 * Math.PI * row * t) + Math.sin(2 * Math.PI * column * t));
                frame[i] = law.encode((int) Math.round(sample));
            }
            out.add(frame);
        }
        return out;
    }

    private static void assertContinuousStream(List<RtpPeer.Received> packets, Law law) {
        assertTrue(packets.size() > 2, "too few packets: " + packets.size());
        RtpPeer.Received first = packets.get(0);
        for (int i = 1; i < packets.size(); i++) {
            RtpPeer.Received p = packets.get(i);
            RtpPeer.Received q = packets.get(i - 1);
            assertEquals(first.ssrc(), p.ssrc(), "one SSRC");
            assertEquals((q.sequence() + 1) & 0xFFFF, p.sequence(), "sequence +1 at " + i);
            long step = (p.timestamp() - q.timestamp()) & 0xFFFF_FFFFL;
            if (step != 160) {
                // Only the pacer's skip may jump: its loop fell MAX_BURST frames behind (a stalled test JVM), and
                // it marks the packet after the gap.
                assertTrue(p.marker() && step % 160 == 0 && step > 160,
                        "timestamp +160 at " + i + ", or a marked skip of whole frames: +" + step);
            }
        }
        for (RtpPeer.Received p : packets) {
            assertEquals(law.payloadType(), p.payloadType());
            assertEquals(EncodedClip.FRAME_BYTES, p.payload().length);
        }
    }

    private static int firstNonSilence(List<RtpPeer.Received> packets, Law law, int from) {
        byte[] silence = silenceFrame(law);
        for (int i = from; i < packets.size(); i++) {
            if (!Arrays.equals(silence, packets.get(i).payload())) {
                return i;
            }
        }
        throw new AssertionError("no prompt after packet " + from);
    }

    private static void assertSilence(RtpPeer.Received p, Law law) {
        assertArrayEquals(silenceFrame(law), p.payload(), "a silence frame");
    }

    private static void assertFrames(List<RtpPeer.Received> packets, int at, EncodedClip clip, Law law) {
        assertFrames(packets, at, clip, law, true, clip.frameCount());
    }

    private static void assertFrames(List<RtpPeer.Received> packets, int at, EncodedClip clip, Law law,
            boolean marker) {
        assertFrames(packets, at, clip, law, marker, clip.frameCount());
    }

    private static void assertFrames(List<RtpPeer.Received> packets, int at, EncodedClip clip, Law law,
            boolean marker, int frames) {
        assertTrue(packets.size() >= at + frames, "stream too short for the prompt at " + at);
        for (int f = 0; f < frames; f++) {
            RtpPeer.Received p = packets.get(at + f);
            assertArrayEquals(frame(clip, law, f), p.payload(), "frame " + f + " at packet " + (at + f));
            assertEquals(f == 0 && marker, p.marker(), "marker at frame " + f);
        }
    }
}
