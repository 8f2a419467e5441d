package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls of one event loop on its shared socket ({@code per-event-loop}): one port in every SDP answer,
 * inbound packets handed to their call by the caller's address, then by SSRC for callers behind one
 * address. Real sockets on loopback, on Netty's epoll transport where the machine has it (as the service);
 * {@link RtpSessionSharedSocketTest} covers the portable NIO transport. Ports 41300-41399.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RtpSharedSocketTest {

    private static final int TE = 101;
    private static final RtpConfig CONFIG = TestRtpConfig.loopback(41300, 41399, Duration.ofSeconds(30),
            RtpConfig.SocketLayout.PER_EVENT_LOOP);

    private Vertx vertx;
    private Context ctx;
    private RtpPortPool pool;
    private final List<RtpSession> sessions = new ArrayList<>();
    private final List<RtpPeer> peers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        // the native transport where available, as in the service: epoll's recvmmsg/sendmmsg paths
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        ctx = vertx.getOrCreateContext();
        pool = new RtpPortPool(41300, 41379);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (RtpSession s : sessions) {
            call(() -> {
                s.close();
                return null;
            });
        }
        peers.forEach(RtpPeer::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSocketIsOnVertxsTransport() {
        RtpSession s = open();
        String expected = vertx.isNativeTransportEnabled() ? "EpollDatagramChannel" : "NioDatagramChannel";
        assertEquals(expected, call(() -> s.socket().channelType().getSimpleName()));
    }

    @Test
    void callsOfOneLoopShareOnePortAndEachHearsOnlyItsCaller() {
        RtpPeer a = peer();
        RtpPeer b = peer();
        RtpPeer stranger = peer();
        long strangersBefore = RtpDrop.UNKNOWN_SOURCE.count();
        RtpSession sa = open();
        RtpSession sb = open();
        assertEquals(sa.localPort(), sb.localPort(), "one port in both SDP answers");
        assertEquals(pool.capacity() - 1, pool.available(), "the loop took one port");
        List<Character> heardA = startHearing(sa, a, Law.PCMU);
        List<Character> heardB = startHearing(sb, b, Law.PCMA);
        InetSocketAddress target = RtpPeer.loopback(sa.localPort());
        a.sendEvent(target, TE, true, 800, 1, false, 160);
        b.sendEvent(target, TE, true, 800, 2, false, 160);
        stranger.sendEvent(target, TE, true, 800, 3, false, 160);
        a.sendEvent(target, TE, true, 1600, 4, false, 160);
        awaitTrue(() -> heardA.size() == 2 && heardB.size() == 1, "each caller's digits");
        awaitTrue(() -> call(() -> sa.socket().packetsFromUnknownSources()) == 1, "the stranger counted");
        assertTrue(RtpDrop.UNKNOWN_SOURCE.count() > strangersBefore, "and in the metrics' count");
        assertEquals(List.of('1', '4'), heardA);
        assertEquals(List.of('2'), heardB);
        assertEquals(2, call(sa::packetsReceived));
        assertEquals(1, call(sb::packetsReceived));

        // each caller gets its own stream, in its own law, from the shared port
        RtpPeer.Received toA = a.receive(1000);
        RtpPeer.Received toB = b.receive(1000);
        assertEquals(call(sa::ssrc), toA.ssrc());
        assertEquals(Law.PCMU.payloadType(), toA.payloadType());
        assertEquals(call(sb::ssrc), toB.ssrc());
        assertEquals(Law.PCMA.payloadType(), toB.payloadType());
    }

    @Test
    void callersBehindOneAddressAreToldApartBySsrc() {
        RtpPeer gateway = peer(); // one media address signalled for two calls
        RtpSession first = open();
        RtpSession second = open();
        List<Character> heardFirst = startHearing(first, gateway, Law.PCMU);
        List<Character> heardSecond = startHearing(second, gateway, Law.PCMU);
        InetSocketAddress target = RtpPeer.loopback(first.localPort());
        gateway.ssrc(0x1111);
        gateway.sendEvent(target, TE, true, 800, 1, false, 160);
        awaitTrue(() -> heardFirst.size() == 1, "the first new SSRC goes to the first call started");
        gateway.ssrc(0x2222);
        gateway.sendEvent(target, TE, true, 800, 2, false, 160);
        awaitTrue(() -> heardSecond.size() == 1, "the next new SSRC to the next call");
        gateway.ssrc(0x1111);
        gateway.sendEvent(target, TE, true, 1600, 3, false, 160);
        gateway.ssrc(0x3333);
        gateway.sendEvent(target, TE, true, 800, 4, false, 160);
        gateway.ssrc(0x2222);
        gateway.sendEvent(target, TE, true, 1600, 5, false, 160);
        awaitTrue(() -> heardFirst.size() == 2 && heardSecond.size() == 2, "each SSRC stays with its call");
        awaitTrue(() -> call(() -> first.socket().packetsFromUnknownSources()) == 1,
                "a third SSRC with both calls claimed is dropped");
        assertEquals(List.of('1', '3'), heardFirst);
        assertEquals(List.of('2', '5'), heardSecond);

        // both streams reach the gateway, each with its call's SSRC
        Set<Integer> ssrcs = new HashSet<>();
        for (RtpPeer.Received r : gateway.collect(200)) {
            ssrcs.add(r.ssrc());
        }
        assertEquals(Set.of(call(first::ssrc), call(second::ssrc)), ssrcs);

        // once the first call ends, the second is the only one at that address and hears it whatever its SSRC
        call(() -> {
            first.close();
            return null;
        });
        gateway.ssrc(0x4444);
        gateway.sendEvent(target, TE, true, 2400, 6, false, 160);
        awaitTrue(() -> heardSecond.size() == 3, "a lone caller's new SSRC (its stream restarted)");
        assertEquals('6', heardSecond.get(2));
        assertEquals(List.of('1', '3'), heardFirst, "a closed call hears nothing");
    }

    @Test
    void aLoopsCallsSendInTwoHalvesOfTheFrameKeptEvenAsCallsCome() {
        List<RtpSession> calls = new ArrayList<>();
        List<RtpPeer> callers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(open());
            callers.add(startOn(ctx, calls.get(i)));
        }
        RtpPacer pacer = calls.get(0).pacer();
        assertEquals(List.of(2, 1), call(() -> List.of(pacer.size(0), pacer.size(1))), "first, second, first");
        call(() -> {
            calls.get(0).close(); // a call of the first half ends: one each
            return null;
        });
        assertEquals(List.of(1, 1), call(() -> List.of(pacer.size(0), pacer.size(1))));
        RtpPeer fourthCaller = startOn(ctx, open());
        assertEquals(List.of(2, 1), call(() -> List.of(pacer.size(0), pacer.size(1))));
        // every call of either half is sent its stream
        for (RtpPeer caller : List.of(callers.get(1), callers.get(2), fourthCaller)) {
            assertEquals(Law.PCMU.payloadType(), caller.receive(1000).payloadType());
        }
    }

    @Test
    void aCallJoiningAHalfThatWasEmptyStartsOnItsNextDeadline() {
        RtpPacer pacer = startDrivenByHand(open());
        RtpSession second = open();
        RtpPeer b = peer();
        long[] clock = {call(System::nanoTime)};
        fire(pacer, clock, 30, RtpPacer.TIMER_NANOS); // 300 ms with the second half empty
        call(() -> {
            second.start(b.address(), Law.PCMU, TE);
            return null;
        });
        fire(pacer, clock, 10, RtpPacer.TIMER_NANOS);
        assertEquals(List.of(1, 1), call(() -> List.of(pacer.size(0), pacer.size(1))));
        assertEquals(0L, call(pacer::skippedFrames), "the second half's deadlines kept up while it was empty");
        assertEquals(0L, call(pacer::lateTicks));
        assertEquals(call(second::ssrc), b.receive(1000).ssrc(), "the second call is sent its stream");
    }

    @Test
    void aLoopLateOnItsFramesTripsAdmissionWithItsCallsInBothHalves() {
        RtpPacer pacer = startDrivenByHand(open());
        startDrivenByHand(open());
        assertEquals(List.of(1, 1), call(() -> List.of(pacer.size(0), pacer.size(1))));
        // A firing per frame, each 12 ms after the first half's deadline: late by PacerLoad's rule (10 ms).
        // Half of a one-second window of frames must be late to trip it.
        long[] clock = {call(pacer::nextDeadline) + 12 * 1_000_000L};
        int frames = PacerLoad.LATE_TICKS_TO_TRIP - 1;
        fire(pacer, clock, frames, RtpPacer.PERIOD_NANOS);
        assertFalse(call(() -> pacer.load().overloaded(clock[0])), frames + " late frames do not trip admission");
        fire(pacer, clock, 2, RtpPacer.PERIOD_NANOS);
        assertTrue(call(() -> pacer.load().overloaded(clock[0])), (frames + 2) + " late frames do");
        assertEquals(0L, call(pacer::skippedFrames), "late, but within the catch-up: nothing skipped");
    }

    /** Starts {@code session} towards a silent peer and stops its loop's pacer timer: the test drives it. */
    private RtpPacer startDrivenByHand(RtpSession session) {
        RtpPeer caller = peer();
        return call(() -> {
            session.start(caller.address(), Law.PCMU, TE);
            RtpPacer pacer = session.pacer();
            vertx.cancelTimer(pacer.timerId);
            return pacer;
        });
    }

    /** Ticks {@code pacer} {@code firings} times on the test's clock, {@code step} apart, on its loop. */
    private void fire(RtpPacer pacer, long[] clock, int firings, long step) {
        call(() -> {
            for (int i = 0; i < firings; i++) {
                clock[0] += step;
                pacer.tickAt(clock[0]);
            }
            return null;
        });
    }

    @Test
    void eachEventLoopHasItsOwnSocket() throws Exception {
        RtpSession here = open();
        io.netty.channel.EventLoop hereLoop = ((ContextInternal) ctx).nettyEventLoop();
        ContextInternal sameLoop = null;
        ContextInternal otherLoop = null;
        // Vert.x hands event loops out round robin to new contexts
        for (int i = 0; i < 16 && (sameLoop == null || otherLoop == null); i++) {
            ContextInternal c = ((VertxInternal) vertx).createEventLoopContext();
            if (c.nettyEventLoop() == hereLoop) {
                sameLoop = sameLoop == null ? c : sameLoop;
            } else {
                otherLoop = otherLoop == null ? c : otherLoop;
            }
        }
        RtpSession neighbour = openOn(sameLoop);
        RtpSession there = openOn(otherLoop);
        assertEquals(here.localPort(), neighbour.localPort(), "another context of the same loop: same socket");
        assertNotEquals(here.localPort(), there.localPort(), "another loop: its own socket");
        assertEquals(pool.capacity() - 2, pool.available());
        startOn(ctx, here);
        startOn(otherLoop, there);
        RtpPacer herePacer = here.pacer();
        RtpPacer therePacer = there.pacer();
        assertNotEquals(herePacer, therePacer, "a pacer per loop");
        assertNotEquals(herePacer.phaseSlot(), therePacer.phaseSlot(), "each loop its own phase slot");
        assertEquals(RtpPacer.phaseOffset(herePacer.phaseSlot()), herePacer.phase(), "deadlines on the slot's phase");
        assertEquals(RtpPacer.phaseOffset(therePacer.phaseSlot()), therePacer.phase());
    }

    /** Starts {@code session} (PCMU) on {@code context}, its own loop, towards a new caller, which is returned. */
    private RtpPeer startOn(Context context, RtpSession session) {
        RtpPeer caller = peer();
        on(context, () -> {
            session.start(caller.address(), Law.PCMU, TE);
            return null;
        });
        return caller;
    }

    /** Starts {@code session} towards {@code caller}; returns the digits it hears, as they come. */
    private List<Character> startHearing(RtpSession session, RtpPeer caller, Law law) {
        List<Character> heard = new CopyOnWriteArrayList<>();
        call(() -> {
            session.start(caller.address(), law, TE);
            session.onDigit(heard::add);
            return null;
        });
        return heard;
    }

    @Test
    void aBurstOfManyReadsIsReadWholeOnTheLoopsClock() {
        RtpPeer caller = peer();
        RtpSession s = open();
        List<Character> heard = startHearing(s, caller, Law.PCMU);
        boolean epoll = vertx.isNativeTransportEnabled();
        assertEquals(epoll, call(() -> s.socket().readsOnTick()), "on epoll a shared socket waits for the pacer");
        assertEquals(epoll, call(() -> s.socket().receivesInBatches()), "and reads without Netty's per-packet objects");
        assertEquals(epoll, call(() -> s.socket().sendsInBatches()), "and sends without them");
        call(() -> {
            s.socket().limitReceivesPerTask(1); // each batch after the first waits for the loop's other tasks
            return null;
        });
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        byte[] audio = new byte[160];
        int burst = 2 * 64 + 23; // more than two recvmmsg batches of ours, seven of Netty's
        for (int i = 0; i < burst; i++) {
            caller.sendRtp(target, i == 0, Law.PCMU.payloadType(), 160L * i, audio);
        }
        caller.sendEvent(target, TE, true, 160L * burst, 7, false, 160);
        awaitTrue(() -> heard.size() == 1, "the key pressed after the burst");
        assertEquals(List.of('7'), heard);
        assertEquals(burst + 1, call(s::packetsReceived), "every packet of the burst, none twice");
        assertEquals(0L, call(() -> s.socket().receiveFailures()));
    }

    @Test
    void aDigitListenerThatThrowsStopsNeitherTheReadNorThePacer() {
        Assumptions.assumeTrue(vertx.isNativeTransportEnabled(), "the batch receiver reads inside the pacer's tick");
        RtpPeer caller = peer();
        RtpSession s = open();
        List<Character> heard = new CopyOnWriteArrayList<>();
        call(() -> {
            s.start(caller.address(), Law.PCMU, TE);
            s.onDigit(digit -> {
                heard.add(digit);
                if (heard.size() == 1) {
                    throw new IllegalStateException("a listener's bug");
                }
            });
            return null;
        });
        InetSocketAddress target = RtpPeer.loopback(s.localPort());
        long failedBefore = RtpDrop.RECEIVE_FAILED.count();
        caller.sendEvent(target, TE, true, 800, 1, false, 160);
        awaitTrue(() -> heard.size() == 1, "the first key");
        awaitTrue(() -> call(() -> s.socket().receiveFailures()) == 1L, "its failure counted");
        assertTrue(RtpDrop.RECEIVE_FAILED.count() > failedBefore, "and in the metrics' count");
        caller.sendEvent(target, TE, true, 1600, 2, false, 160);
        awaitTrue(() -> heard.size() == 2, "the next key, read by the same pacer");
        assertEquals(List.of('1', '2'), heard);
        caller.collect(200); // what was sent before
        assertTrue(caller.receive(1000) != null, "the call's audio still flows");
    }

    @Test
    void anIpv6SocketHearsItsCallersAndDropsStrangers() {
        RtpPeer caller;
        RtpPeer stranger;
        try {
            caller = new RtpPeer("::1");
            stranger = new RtpPeer("::1");
        } catch (RuntimeException noIpv6) {
            Assumptions.abort("no IPv6 loopback here: " + noIpv6);
            return;
        }
        peers.add(caller);
        peers.add(stranger);
        RtpConfig ipv6 = new TestRtpConfig(41380, 41399, java.util.Optional.of("::1"), Duration.ofSeconds(30),
                RtpConfig.SocketLayout.PER_EVENT_LOOP);
        RtpSession s = openOn(ctx, new RtpPortPool(41380, 41399), ipv6);
        List<Character> heard = startHearing(s, caller, Law.PCMA);
        InetSocketAddress target = new InetSocketAddress("::1", s.localPort());
        stranger.sendEvent(target, TE, true, 800, 3, false, 160);
        caller.sendEvent(target, TE, true, 800, 8, false, 160);
        awaitTrue(() -> heard.size() == 1, "the caller's key over IPv6");
        awaitTrue(() -> call(() -> s.socket().packetsFromUnknownSources()) == 1, "the stranger counted");
        assertEquals(List.of('8'), heard);
        assertEquals(call(s::ssrc), caller.receive(1000).ssrc(), "the caller hears its stream over IPv6");
    }

    @Test
    void aSocketWhoseBufferCannotHoldItsCallsReadsOnArrivalUntilTheyFit() {
        RtpPeer a = peer();
        RtpPeer b = peer();
        RtpSession first = open();
        RtpSession second = open();
        call(() -> {
            first.socket().limitOnTickCapacity(1);
            first.start(a.address(), Law.PCMU, TE);
            return null;
        });
        boolean epoll = vertx.isNativeTransportEnabled();
        assertEquals(epoll, call(() -> first.socket().readsOnTick()), "one call fits");
        List<Character> heardSecond = startHearing(second, b, Law.PCMU);
        assertEquals(false, call(() -> first.socket().readsOnTick()), "two do not: read on arrival");
        InetSocketAddress target = RtpPeer.loopback(second.localPort());
        b.sendEvent(target, TE, true, 800, 5, false, 160);
        awaitTrue(() -> heardSecond.size() == 1, "a key read on arrival");
        call(() -> {
            first.close();
            return null;
        });
        assertEquals(epoll, call(() -> second.socket().readsOnTick()), "back on the clock once they fit");
        b.sendEvent(target, TE, true, 1600, 6, false, 160);
        awaitTrue(() -> heardSecond.size() == 2, "a key read on the clock again");
        assertEquals(List.of('5', '6'), heardSecond);
    }

    @Test
    void onArrivalModeReadsWithoutThePacer() {
        RtpConfig onArrival = TestRtpConfig.loopback(41380, 41399, Duration.ofSeconds(30),
                RtpConfig.SocketLayout.PER_EVENT_LOOP, RtpConfig.ReadMode.ON_ARRIVAL);
        RtpSession s = openOn(ctx, new RtpPortPool(41380, 41399), onArrival);
        RtpPeer caller = peer();
        List<Character> heard = startHearing(s, caller, Law.PCMU);
        assertEquals(false, call(() -> s.socket().readsOnTick()));
        caller.sendEvent(RtpPeer.loopback(s.localPort()), TE, true, 800, 9, false, 160);
        awaitTrue(() -> heard.size() == 1, "the key");
        assertEquals(List.of('9'), heard);
    }

    @Test
    void anIpv4BindMakesAnIpv4SocketThatSetsDontFragment() throws Exception {
        Assumptions.assumeTrue(vertx.isNativeTransportEnabled(), "epoll only: NIO sockets keep the JDK's defaults");
        RtpSession s = open();
        int port = s.localPort();
        // Vert.x's epoll transport would have made an IPv6 socket, listed in /proc/net/udp6
        assertEquals(true, procNetUdpHasPort(Path.of("/proc/net/udp"), port), "listed among IPv4 sockets");
        assertEquals(false, procNetUdpHasPort(Path.of("/proc/net/udp6"), port), "not among IPv6 sockets");
        int ipMtuDiscover = call(() -> s.socket().channel().config()
                .getOption(new io.netty.channel.unix.IntegerUnixChannelOption("IP_MTU_DISCOVER", 0, 10)));
        assertEquals(2, ipMtuDiscover, "IP_PMTUDISC_DO: the don't-fragment bit on every datagram");
    }

    private static boolean procNetUdpHasPort(Path table, int port) throws IOException {
        String hexPort = String.format(":%04X ", port);
        try (var lines = Files.lines(table)) {
            return lines.skip(1).map(String::trim).anyMatch(line -> line.split("\\s+")[1].endsWith(hexPort.trim()));
        }
    }

    private RtpSession open() {
        return openOn(ctx, pool, CONFIG);
    }

    private RtpSession openOn(Context context) {
        return openOn(context, pool, CONFIG);
    }

    /** Opens a session on {@code context}, closed again after the test. */
    private RtpSession openOn(Context context, RtpPortPool ports, RtpConfig config) {
        CompletableFuture<RtpSession> opened = new CompletableFuture<>();
        context.runOnContext(v -> RtpSession.open(vertx, ports, config).onComplete(ar -> {
            if (ar.succeeded()) {
                opened.complete(ar.result());
            } else {
                opened.completeExceptionally(ar.cause());
            }
        }));
        try {
            RtpSession s = opened.get(5, TimeUnit.SECONDS);
            sessions.add(s);
            return s;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private RtpPeer peer() {
        RtpPeer peer = new RtpPeer();
        peers.add(peer);
        return peer;
    }

    private <T> T call(Callable<T> action) {
        return on(ctx, action);
    }

    /** Runs {@code action} on {@code context} and waits for its result. */
    private <T> T on(Context context, Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
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
}
