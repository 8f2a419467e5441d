package vn.dvc.hotline.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the RTP sockets of calls are bound and how long a silent caller is kept. Checked at startup by
 * {@link RtpConfigCheck} (through {@link RtpPortPool}); a bad value stops the service with a message
 * naming the key.
 *
 * <p>Thread model: an immutable view of the configuration; safe on any thread.
 */
@ConfigMapping(prefix = "hotline.rtp")
public interface RtpConfig {

    /** How the RTP of calls is spread over UDP sockets: see {@link #socketLayout()}. */
    enum SocketLayout {
        /** One socket and one even port per call; the kernel separates the callers. */
        PER_CALL,
        /**
         * One socket per Vert.x event loop, shared by every call on that loop: their SDP answers name the
         * same port, and the socket hands each packet to its call by the sender's address (then SSRC).
         */
        PER_EVENT_LOOP
    }

    /** When a shared socket reads what its callers sent: see {@link #readMode()}. */
    enum ReadMode {
        /** Every 10 ms, on the pacer's clock, whatever has queued since: a few reads per tick for all calls. */
        ON_TICK,
        /** As soon as a packet arrives: the event loop is woken for each arrival while it sleeps. */
        ON_ARRIVAL
    }

    /** The wildcard address RTP sockets bind to when {@link #bindAddress()} is not set. */
    String ANY_ADDRESS = "0.0.0.0";

    /**
     * Lowest RTP port, even (RFC 3550 §11: RTP on an even port, RTCP on the next odd one), at least 1024.
     * Each call takes one even port of {@code port-min..port-max}; the odd port above it stays free for
     * RTCP, so the range holds (port-max - port-min + 1) / 2 calls.
     */
    @WithDefault("20000")
    int portMin();

    /** Highest RTP port, above {@code port-min}, at most 65535; the default range holds 5,000 calls. */
    @WithDefault("29999")
    int portMax();

    /**
     * IP address RTP sockets bind to. Default (unset): {@value #ANY_ADDRESS}, every interface, because the
     * trunk sends media to the SDP {@code c=} address ({@code hotline.sip.public-address}), which behind NAT
     * or in a container is not an address of this host; the strict source rule, not the bind address,
     * decides whose packets are accepted. Deliberately not tied to {@code hotline.sip.host}: signalling
     * and media may use different interfaces. An IPv6 literal binds an IPv6 socket.
     */
    Optional<String> bindAddress();

    /**
     * {@code per-event-loop} (default) or {@code per-call}.
     *
     * <p>{@code per-event-loop}: each event loop binds one even port of the range, once, and every call
     * pinned to that loop answers with it. Inbound packets are handed to their call by the caller's IP and
     * port (the SDP's address, the strict-source rule: a packet from any other address is dropped and
     * counted), then, when several calls signalled the very same address and port, by the caller's SSRC:
     * each such call takes the first new SSRC it hears, in the order the calls started. The pacer's frames
     * of all calls of the loop leave in one flush per 20 ms, which the epoll transport turns into
     * {@code sendmmsg} batches, and arrivals are read with {@code recvmmsg}: a few system calls per tick
     * instead of one per packet: measured (bench/jmh, 1,000 calls on 2 loops) at 2.8 µs of event-loop CPU
     * per packet against 4.4 µs for {@code per-call}. Only as many ports as event loops are used.
     *
     * <p>{@code per-call}: a socket and port per call, from {@code port-min..port-max}; one system call per
     * packet each way. For trunks that insist on a distinct media port per call.
     */
    @WithDefault("per-event-loop")
    SocketLayout socketLayout();

    /**
     * When a shared socket ({@code per-event-loop}, epoll transport) reads its calls' packets:
     * {@code on-tick} (default) or {@code on-arrival}.
     *
     * <p>{@code on-tick}: the socket is not watched for arrivals; every 10 ms (half a frame, on the pacer's
     * timer) the loop reads whatever queued since, in {@code recvmmsg} batches. At a few thousand calls
     * arrivals come every few microseconds, and watching for them wakes a sleeping loop on each arrival:
     * each wake-up costs the sender an inter-processor wake-up and the loop a context switch. A key press
     * waits at most 10 ms more before it is seen; the prompt it starts still goes out on the next 20 ms
     * frame. The kernel must queue 20 ms of arrivals (a 172-byte datagram takes about 832 bytes of receive
     * buffer): a socket whose receive buffer, capped by {@code net.core.rmem_max}, is too small for its
     * calls reads on arrival instead while it is, and says so in the log once.
     *
     * <p>{@code on-arrival}: reads on each arrival, as sockets usually do. Per-call sockets always do.
     */
    @WithDefault("on-tick")
    ReadMode readMode();

    /**
     * Overload admission: a pacer tick that runs later than this after its 20 ms deadline counts as late,
     * and an event loop with 25 late ticks among its last 50 (one second), or with no tick for 0.2 s, is
     * overloaded; while any loop is, new INVITEs get 503 with Retry-After before any transaction, and the
     * calls already up keep their loop's time. It stays so until 2 s after the rule last held (see
     * {@link PacerLoad}). {@code 0} turns this off, leaving {@code hotline.calls.max-concurrent} as the
     * only limit. 10 ms is half a frame, the pacer's own measure of a late tick.
     */
    @WithDefault("10ms")
    Duration overloadLagLimit();

    /**
     * With no valid RTP packet from the caller for this long (counted from the start of media; paused
     * while the call is on hold), the call is considered dead and is hung up with BYE.
     */
    @WithDefault("30s")
    Duration inactivityTimeout();
}
