package vn.dvc.hotline.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.collection.LongObjectHashMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One UDP socket of the media engine: a Netty datagram channel registered on one Vert.x event loop, used
 * by one call ({@link RtpConfig.SocketLayout#PER_CALL}) or by every call of its loop
 * ({@link RtpConfig.SocketLayout#PER_EVENT_LOOP}).
 *
 * <h2>Why Netty directly</h2>
 * Vert.x's {@code DatagramSocket.send} allocates about 700 bytes per packet (a buffer wrapper, a promise,
 * the resolved address, an envelope, a listener) and flushes each packet alone. Here a session writes its
 * own pooled direct buffer in a reused envelope with the void promise, and the pacer flushes each socket
 * once per tick: with several packets queued the epoll transport sends them with one {@code sendmmsg}.
 * Arrivals are read in batches with {@code recvmmsg} (epoll only) and parsed in place: on a shared socket, by
 * default, only when the pacer asks every 10 ms ({@link RtpConfig#readMode()}), not on each arrival, and then
 * by a {@link BatchReceiver}, which allocates nothing per datagram where Netty's read allocates five objects.
 * Sockets are of the bind address's family (Vert.x's epoll transport would make every socket IPv6, which
 * carries IPv4 calls as mapped addresses on a longer kernel path) and set the don't-fragment bit: a
 * 172-byte datagram never needs fragments, and without DF the kernel hashes a fresh IP ID for each packet
 * (measured: 3.5 % of the service's CPU at 3,000 calls).
 *
 * <h2>Inbound: strict source, then SSRC</h2>
 * A packet goes to the session whose SDP named the sender's IP and port. Several sessions may have named
 * the same IP and port (a media gateway that multiplexes calls on one port): then the packet goes to the
 * one whose caller SSRC it carries, else to the first of them, in start order, that has not heard an SSRC
 * yet, else it is dropped. Packets from any other address are dropped and counted in
 * {@link #packetsFromUnknownSources()}; nothing received throws.
 *
 * <p>Thread model: confined to its event loop's thread (the channel's handler runs there, and sessions of
 * that loop call in from there); no locks. Only the registry of shared sockets is a concurrent map,
 * touched when a loop opens its shared socket or loses it.
 */
final class RtpSocket extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(RtpSocket.class);
    /** How many ports a bind tries when one is held by another process. */
    private static final int BIND_ATTEMPTS = 8;
    /** Largest datagram read; RTP of G.711 at 20 ms is 172 bytes, 60 ms frames 492. */
    private static final int MAX_DATAGRAM = 1500;
    /**
     * Datagrams per {@code recvmmsg} on a shared socket. Their buffer (20 × 1500 B) must stay within the
     * 32 KiB that Netty's per-thread pool cache keeps: at 32 (48 KB) every read went to the arena, which made
     * and freed whole 4 MiB chunks, ~60 MB/s of garbage at 2,000 calls and a young GC every 2 s (measured).
     */
    private static final int DATAGRAMS_PER_READ = 20;
    /** Datagrams per {@code recvmmsg} of a {@link BatchReceiver}, whose buffer (64 × 1500 B) is the socket's own. */
    private static final int DATAGRAMS_PER_RECEIVE = 64;
    /**
     * Receives one read on tick makes before it lets the loop's other tasks run (then it goes on after
     * them): 512 datagrams, the arrivals of 10 ms from about 1,000 calls.
     */
    private static final int RECEIVES_PER_TASK = 8;
    /**
     * Receive buffer of a shared socket: a whole tick of arrivals for a few thousand calls (capped by the
     * kernel's {@code net.core.rmem_max}).
     */
    private static final int SHARED_RECEIVE_BUFFER = 4 * 1024 * 1024;
    /**
     * Receive buffer a queued datagram of ours takes in the kernel (its truesize): 832 bytes for a
     * 172-byte RTP packet, measured on loopback with /proc/net/udp. Rounded up for larger frames.
     */
    static final int QUEUED_DATAGRAM_BYTES = 1024;
    /** IP_MTU_DISCOVER (linux/in.h) and IPV6_MTU_DISCOVER (linux/in6.h), both set to ..._PMTUDISC_DO. */
    private static final IntegerUnixChannelOption IP_MTU_DISCOVER = new IntegerUnixChannelOption("IP_MTU_DISCOVER",
            0, 10);
    private static final IntegerUnixChannelOption IPV6_MTU_DISCOVER =
            new IntegerUnixChannelOption("IPV6_MTU_DISCOVER", 41, 23);
    private static final int PMTUDISC_DO = 2;
    /** {@code sendmmsg} batch limit (the kernel's UIO_MAXIOV). */
    private static final int MAX_MESSAGES_PER_WRITE = 1024;
    /**
     * Outbound queue of a shared socket before it counts as backed up: a whole tick of a few thousand
     * calls is queued before the one flush (Netty counts about 200 bytes per 172-byte datagram).
     */
    private static final WriteBufferWaterMark SHARED_WATER_MARK = new WriteBufferWaterMark(4 << 20, 8 << 20);

    private static final ConcurrentHashMap<SharedKey, Future<RtpSocket>> SHARED = new ConcurrentHashMap<>();

    private record SharedKey(EventLoop loop, RtpPortPool pool) {
    }

    private final RtpPortPool ports;
    private final int port;
    private final boolean shared;
    /** Reads when the pacer asks ({@link RtpConfig.ReadMode#ON_TICK}) rather than on arrival, while it can. */
    private boolean readOnTick;
    /** Calls whose arrivals the receive buffer holds for 20 ms; beyond, the socket reads on arrival. */
    private int onTickCapacity = Integer.MAX_VALUE;
    private int routedSessions;
    private boolean capacityWarned;
    /** Datagrams handed on since the current read began: a full batch means more are queued. */
    private int readInBatch;
    /**
     * Sender → {@link RtpSession}, or {@code RtpSession[]} when several calls signalled it: IPv4 senders by
     * {@link #ipv4Key} (looked up with no address object), others by address.
     */
    private final LongObjectHashMap<Object> ipv4Routes = new LongObjectHashMap<>();
    private final HashMap<InetSocketAddress, Object> otherRoutes = new HashMap<>();
    /** Reads on tick without allocating, where Netty's internals allow; else reading is Netty's. */
    private BatchReceiver receiver;
    /** Sends each tick's datagrams without allocating, where Netty's internals allow; else sending is Netty's. */
    private BatchSender sender;
    private int receivesPerTask = RECEIVES_PER_TASK;
    private final Runnable receiveRest = this::receiveArrivals;
    private Channel channel;
    private boolean flushPending;
    private long fromUnknownSources;
    private long sendFailures;
    private long receiveFailures;

    private RtpSocket(RtpPortPool ports, int port, boolean shared) {
        this.ports = ports;
        this.port = port;
        this.shared = shared;
    }

    /**
     * A shared socket over a channel made elsewhere (benchmarks: a channel whose pipeline counts and drops
     * what is written). The channel's handler is not this socket; nothing is received.
     */
    static RtpSocket over(Channel channel, int port) {
        RtpSocket socket = new RtpSocket(null, port, true);
        socket.channel = channel;
        return socket;
    }

    /**
     * The socket for a new session on the current event-loop context: the loop's shared socket (bound on
     * first use) or a new one of its own. Completes on that context.
     */
    static Future<RtpSocket> forSession(VertxInternal vertx, ContextInternal context, RtpPortPool ports,
            RtpConfig config) {
        String bindAddress = RtpConfigCheck.bindAddress(config);
        if (config.socketLayout() == RtpConfig.SocketLayout.PER_CALL) {
            return bind(vertx, context, ports, bindAddress, false, false, BIND_ATTEMPTS);
        }
        boolean readOnTick = config.readMode() == RtpConfig.ReadMode.ON_TICK;
        SharedKey key = new SharedKey(context.nettyEventLoop(), ports);
        Future<RtpSocket> existing = SHARED.get(key);
        if (existing != null && (existing.failed() || existing.succeeded() && !existing.result().isOpen())) {
            SHARED.remove(key, existing);
            existing = null;
        }
        if (existing == null) {
            Future<RtpSocket> binding = bind(vertx, context, ports, bindAddress, true, readOnTick, BIND_ATTEMPTS);
            SHARED.put(key, binding);
            binding.onSuccess(socket -> socket.channel.closeFuture()
                    .addListener(closed -> SHARED.remove(key, binding)));
            existing = binding;
        }
        // the stored future may belong to another context of the same loop: complete on ours
        Promise<RtpSocket> promise = context.promise();
        existing.onComplete(promise);
        return promise.future();
    }

    private static Future<RtpSocket> bind(VertxInternal vertx, ContextInternal context, RtpPortPool ports,
            String bindAddress, boolean shared, boolean readOnTick, int attemptsLeft) {
        OptionalInt acquired = ports.acquire();
        if (acquired.isEmpty()) {
            return context.failedFuture(new IllegalStateException("no free RTP port: all " + ports.capacity()
                    + " even ports of hotline.rtp.port-min..port-max (" + ports.portMin() + ".."
                    + ports.portMax() + ") are in use"));
        }
        int port = acquired.getAsInt();
        RtpSocket socket = new RtpSocket(ports, port, shared);
        boolean ipv6 = bindAddress.indexOf(':') >= 0;
        InternetProtocolFamily family = ipv6 ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        Bootstrap bootstrap = new Bootstrap().group(context.nettyEventLoop())
                .channelFactory(() -> newChannel(vertx, family))
                .handler(socket);
        Promise<RtpSocket> promise = context.promise();
        ChannelFuture bound = bootstrap.register();
        bound.addListener(registered -> {
            if (!registered.isSuccess()) {
                ports.release(port);
                promise.fail(registered.cause());
                return;
            }
            Channel channel = bound.channel();
            socket.configure(channel, family, readOnTick);
            channel.bind(new InetSocketAddress(bindAddress, port)).addListener(result -> {
                if (result.isSuccess()) {
                    socket.channel = channel;
                    channel.closeFuture().addListener(closed -> ports.release(port));
                    promise.complete(socket);
                    return;
                }
                channel.close();
                ports.release(port);
                LOG.debugf("RTP port %s:%d did not bind (%s)", bindAddress, port, result.cause().getMessage());
                if (attemptsLeft > 1) {
                    bind(vertx, context, ports, bindAddress, shared, readOnTick, attemptsLeft - 1)
                            .onComplete(promise);
                } else {
                    promise.fail(new IllegalStateException("could not bind an RTP port on " + bindAddress
                            + " after " + BIND_ATTEMPTS + " attempts", result.cause()));
                }
            });
        });
        return promise.future();
    }

    /**
     * Vert.x's epoll transport ignores the family and makes IPv6 sockets; an IPv4 bind address gets an IPv4
     * socket here. Other transports (NIO) honour the family.
     */
    private static DatagramChannel newChannel(VertxInternal vertx, InternetProtocolFamily family) {
        if (vertx.isNativeTransportEnabled() && Epoll.isAvailable()) {
            return new EpollDatagramChannel(family);
        }
        return vertx.transport().datagramChannel(family);
    }

    private void configure(Channel channel, InternetProtocolFamily family, boolean readOnTick) {
        var config = channel.config();
        if (shared) {
            config.setOption(ChannelOption.SO_RCVBUF, SHARED_RECEIVE_BUFFER);
            config.setOption(ChannelOption.SO_SNDBUF, SHARED_RECEIVE_BUFFER);
            config.setOption(ChannelOption.MAX_MESSAGES_PER_WRITE, MAX_MESSAGES_PER_WRITE);
            config.setWriteBufferWaterMark(SHARED_WATER_MARK);
        }
        if (channel instanceof EpollDatagramChannel) {
            try {
                config.setOption(IP_MTU_DISCOVER, PMTUDISC_DO); // on an IPv6 socket: its mapped IPv4 traffic
                if (family == InternetProtocolFamily.IPv6) {
                    config.setOption(IPV6_MTU_DISCOVER, PMTUDISC_DO);
                }
            } catch (RuntimeException refused) {
                LOG.debugf("RTP socket on port %d keeps the kernel's fragmentation default: %s", port,
                        refused.getMessage());
            }
        }
        if (shared && channel instanceof EpollDatagramChannel) {
            sender = BatchSender.forChannel(channel, family == InternetProtocolFamily.IPv6);
            if (sender != null) {
                BatchSender owned = sender;
                channel.closeFuture().addListener(closed -> owned.release());
            }
            // recvmmsg: one read fills a buffer with up to DATAGRAMS_PER_READ datagrams
            config.setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM);
            config.setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ)
                    .maxMessagesPerRead(64));
            if (readOnTick) {
                // what the kernel granted (twice the request, capped by net.core.rmem_max), in its own measure
                int granted = config.getOption(ChannelOption.SO_RCVBUF);
                onTickCapacity = Math.max(1, granted / QUEUED_DATAGRAM_BYTES);
                this.readOnTick = true;
                config.setAutoRead(false);
                receiver = BatchReceiver.forChannel(channel, family == InternetProtocolFamily.IPv6,
                        DATAGRAMS_PER_RECEIVE, MAX_DATAGRAM);
                if (receiver != null) {
                    BatchReceiver owned = receiver;
                    channel.closeFuture().addListener(closed -> owned.release());
                }
            }
        } else {
            config.setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM).maxMessagesPerRead(64));
        }
    }

    /** The bound port: the {@code m=audio} port of the SDP answers of this socket's calls. */
    int port() {
        return port;
    }

    /** Whether every call of the loop uses this socket. */
    boolean isShared() {
        return shared;
    }

    /** The Netty channel class: epoll's where Vert.x uses the native transport. */
    Class<?> channelType() {
        return channel.getClass();
    }

    boolean isOpen() {
        return channel != null && channel.isOpen();
    }

    /** Whether the channel's outbound queue is below Netty's high-water mark. */
    boolean isWritable() {
        return channel.isWritable();
    }

    /** Packets dropped because no session of this socket signalled their sender (or their SSRC). */
    long packetsFromUnknownSources() {
        return fromUnknownSources;
    }

    /** Reads that failed with a socket error (not "nothing queued"), and packets whose handling threw. */
    long receiveFailures() {
        return receiveFailures;
    }

    /** Whether reading on tick goes through a {@link BatchReceiver} (else through Netty's read). */
    boolean receivesInBatches() {
        return receiver != null;
    }

    /** Writes the transport reported as failed. */
    long sendFailures() {
        return sendFailures + (sender == null ? 0 : sender.dropped());
    }

    /** Packets from {@code remote} now go to {@code session}. */
    void addRoute(InetSocketAddress remote, RtpSession session) {
        Object current = routeOf(remote);
        if (current == null) {
            putRoute(remote, session);
        } else if (current instanceof RtpSession single) {
            if (single == session) {
                return;
            }
            putRoute(remote, new RtpSession[] {single, session});
        } else {
            RtpSession[] group = (RtpSession[]) current;
            for (RtpSession s : group) {
                if (s == session) {
                    return;
                }
            }
            RtpSession[] grown = Arrays.copyOf(group, group.length + 1);
            grown[group.length] = session;
            putRoute(remote, grown);
        }
        routedSessions++;
        adjustReading();
    }

    /** Packets from {@code remote} no longer go to {@code session}. */
    void removeRoute(InetSocketAddress remote, RtpSession session) {
        Object current = routeOf(remote);
        if (current == session) {
            putRoute(remote, null);
        } else if (current instanceof RtpSession[] group) {
            int at = -1;
            for (int i = 0; i < group.length; i++) {
                if (group[i] == session) {
                    at = i;
                }
            }
            if (at < 0) {
                return;
            }
            if (group.length == 2) {
                putRoute(remote, group[1 - at]);
            } else {
                RtpSession[] shrunk = new RtpSession[group.length - 1];
                System.arraycopy(group, 0, shrunk, 0, at);
                System.arraycopy(group, at + 1, shrunk, at, group.length - at - 1);
                putRoute(remote, shrunk);
            }
        } else {
            return;
        }
        routedSessions--;
        adjustReading();
    }

    private Object routeOf(InetSocketAddress remote) {
        return remote.getAddress() instanceof Inet4Address ipv4
                ? ipv4Routes.get(ipv4Key(ipv4, remote.getPort()))
                : otherRoutes.get(remote);
    }

    /** Sets the route of {@code remote}; null removes it. */
    private void putRoute(InetSocketAddress remote, Object target) {
        if (remote.getAddress() instanceof Inet4Address ipv4) {
            long key = ipv4Key(ipv4, remote.getPort());
            if (target == null) {
                ipv4Routes.remove(key);
            } else {
                ipv4Routes.put(key, target);
            }
        } else if (target == null) {
            otherRoutes.remove(remote);
        } else {
            otherRoutes.put(remote, target);
        }
    }

    private static long ipv4Key(Inet4Address address, int port) {
        return ipv4Key(BatchReceiver.ipv4(address.getAddress()), port);
    }

    /** An IPv4 address (network order, as an int) and port as one map key. */
    private static long ipv4Key(int address, int port) {
        return (address & 0xffffffffL) << 16 | port;
    }

    /**
     * On-tick reading while the receive buffer holds 20 ms of the calls' arrivals (twice the time between
     * reads); on arrival beyond that, back on tick below 90 % of it.
     */
    private void adjustReading() {
        if (!readOnTick || channel == null) {
            return;
        }
        boolean onArrival = channel.config().isAutoRead();
        if (!onArrival && routedSessions > onTickCapacity) {
            if (!capacityWarned) {
                capacityWarned = true;
                LOG.warnf("RTP socket on port %d: its receive buffer holds 20 ms of arrivals for %d calls, it "
                        + "has %d; reading on arrival while it has more (raise net.core.rmem_max to 4 MiB)",
                        port, onTickCapacity, routedSessions);
            }
            channel.config().setAutoRead(true);
        } else if (onArrival && routedSessions <= onTickCapacity - onTickCapacity / 10) {
            channel.config().setAutoRead(false);
        }
    }

    /** Tests: pretends the receive buffer holds 20 ms of arrivals for {@code calls} calls only. */
    void limitOnTickCapacity(int calls) {
        onTickCapacity = calls;
        adjustReading();
    }

    /** Tests: lets one read on tick make only {@code receives} receives before the loop's other tasks. */
    void limitReceivesPerTask(int receives) {
        receivesPerTask = receives;
    }

    /** The Netty channel, for tests that check its socket options. */
    Channel channel() {
        return channel;
    }

    /** Whether arrivals wait for {@link #readArrivals()} (now; it changes with the number of calls). */
    boolean readsOnTick() {
        return readOnTick && channel != null && !channel.config().isAutoRead();
    }

    /**
     * Reads what queued since the last read, in batches: now with a {@link BatchReceiver}, else (Netty's read)
     * right after the current task of the loop; a no-op for a socket that reads on arrival. Called by the
     * pacer every 10 ms.
     */
    void readArrivals() {
        if (!readsOnTick()) {
            return;
        }
        if (receiver != null) {
            receiveArrivals();
        } else {
            channel.read();
        }
    }

    /**
     * Receives batches until one comes back short (the socket is drained) or {@link #RECEIVES_PER_TASK} were
     * full: then goes on after the loop's pending tasks, as Netty's read does.
     */
    private void receiveArrivals() {
        if (!readsOnTick()) {
            return; // closed, or switched to reading on arrival meanwhile
        }
        for (int batch = 0; batch < receivesPerTask; batch++) {
            int received;
            try {
                received = receiver.receive();
            } catch (IOException | RuntimeException failed) {
                dropReceiveFailed();
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("RTP socket on port %d: %s", port, failed.toString());
                }
                return;
            }
            for (int i = 0; i < received; i++) {
                ByteBuf content = receiver.datagram(i);
                Object target = receiver.senderIsIpv4(i)
                        ? ipv4Routes.get(ipv4Key(receiver.senderIpv4(i), receiver.senderPort(i)))
                        : otherRoutes.get(receiver.sender(i));
                deliver(target, content);
            }
            if (received < receiver.capacity()) {
                return;
            }
        }
        channel.eventLoop().execute(receiveRest);
    }

    /**
     * Queues a packet without flushing. The envelope's content must be retained once for the transport,
     * which releases it when written (or failed).
     *
     * @param recipientBytes the recipient's {@link BatchSender#addressBytes}, made once per remote address
     * @return true if this socket now needs a flush and was not waiting for one: the caller arranges it
     */
    boolean write(DatagramPacket packet, byte[] recipientBytes) {
        if (sender != null) {
            sender.add(packet.content(), packet.recipient(), recipientBytes);
        } else {
            channel.write(packet, channel.voidPromise());
        }
        if (flushPending) {
            return false;
        }
        flushPending = true;
        return true;
    }

    /** Sends everything queued since the last flush (one {@code sendmmsg} per batch on epoll). */
    void flush() {
        flushPending = false;
        if (sender != null) {
            sender.send();
        } else {
            channel.flush();
        }
    }

    /** Whether this socket sends with its own {@code sendmmsg} rather than Netty's write (tests). */
    boolean sendsInBatches() {
        return sender != null;
    }

    /** Closes a call's own socket; its port goes back to the pool once closed. Not for a shared socket. */
    void close() {
        if (shared) {
            throw new IllegalStateException("a shared RTP socket lives as long as its event loop");
        }
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        readInBatch++;
        try {
            route(datagram.sender(), datagram.content());
        } finally {
            datagram.release();
        }
    }

    /**
     * End of one read. Reading on tick, a read is one {@code recvmmsg}: a full batch means more are queued,
     * so the next read follows at once (after the loop's pending tasks); a short one drained the socket.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (readInBatch >= DATAGRAMS_PER_READ && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
        readInBatch = 0;
    }

    /** Hands one received packet to its session, or counts it as from an unknown source. */
    void route(InetSocketAddress sender, ByteBuf content) {
        deliver(routeOf(sender), content);
    }

    /**
     * Hands a packet to the session {@code target} stands for, counting it if a call's digit listener throws:
     * the read goes on with the next packet, and a read on tick runs inside the pacer, which must go on too.
     */
    private void deliver(Object target, ByteBuf content) {
        try {
            handOver(target, content);
        } catch (RuntimeException listenerFailed) {
            dropReceiveFailed();
            LOG.debugf(listenerFailed, "RTP socket on port %d: a packet's handling failed", port);
        }
    }

    /** Hands a packet to the session {@code target} stands for (see {@link #ipv4Routes}), or counts it. */
    private void handOver(Object target, ByteBuf content) {
        if (target == null) {
            dropFromUnknownSource();
            return;
        }
        if (target instanceof RtpSession session) {
            session.receive(content);
            return;
        }
        RtpSession[] group = (RtpSession[]) target;
        if (content.readableBytes() < RtpPacket.HEADER_LENGTH) {
            dropFromUnknownSource(); // no SSRC to tell the calls apart
            return;
        }
        int ssrc = RtpPacket.ssrc(content);
        RtpSession unclaimed = null;
        for (RtpSession session : group) {
            if (session.hasCallerSsrc()) {
                if (session.callerSsrc() == ssrc) {
                    session.receive(content);
                    return;
                }
            } else if (unclaimed == null) {
                unclaimed = session;
            }
        }
        if (unclaimed != null) {
            unclaimed.receive(content);
        } else {
            dropFromUnknownSource();
        }
    }

    private void dropFromUnknownSource() {
        fromUnknownSources++;
        RtpDrop.UNKNOWN_SOURCE.addOne();
    }

    private void dropReceiveFailed() {
        receiveFailures++;
        RtpDrop.RECEIVE_FAILED.addOne();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Void-promise writes report failures here; an unconnected UDP socket reports almost nothing else.
        sendFailures++;
        RtpDrop.SEND_REFUSED.addOne();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("RTP socket on port %d: %s", port, cause.toString());
        }
    }

    @Override
    public String toString() {
        return "RtpSocket[port " + port
                + (shared ? ", shared by " + (ipv4Routes.size() + otherRoutes.size()) + " addresses]" : "]");
    }
}
