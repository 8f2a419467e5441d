package vn.dvc.hotline.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.RtpConfig;
import vn.dvc.hotline.media.RtpPortPool;
import vn.dvc.hotline.media.RtpSession;

/**
 * The media engine alone under load, measured from inside: N {@link RtpSession}s on a Vert.x instance
 * (the "service"), each streaming a looping prompt to its own caller, and N callers (plain Netty epoll
 * channels on a separate event loop group) each sending a 172-byte packet every 20 ms to its session.
 * Prints the CPU time and the bytes allocated by the service's event-loop threads per packet (sent plus
 * received), cores per 1,000 calls, and the loss seen by the callers. The callers' own CPU is not counted
 * (it is the load generator's), but it shares the machine.
 *
 * <p>Usage: {@code MediaEngineLoad calls warmupSeconds measureSeconds [eventLoops]}; the socket layout comes
 * from {@code -Dhotline.rtp.socket-layout}.
 */
public final class MediaEngineLoad {

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int loops = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String layout = System.getProperty("hotline.rtp.socket-layout", "default");

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        RtpConfig config = BenchRtpConfig.create(layout);
        RtpPortPool ports = new RtpPortPool(config.portMin(), config.portMax());
        EncodedClip prompt = EncodedClip.silence(250);

        List<Context> contexts = new ArrayList<>();
        List<Thread> loopThreads = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            // a new event-loop context per loop, round robin over the loops
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            contexts.add(context);
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            context.runOnContext(v -> thread.complete(Thread.currentThread()));
            Thread t = thread.get(5, TimeUnit.SECONDS);
            if (!loopThreads.contains(t)) {
                loopThreads.add(t);
            }
        }

        EventLoopGroup callerGroup = new EpollEventLoopGroup(Integer.getInteger("bench.caller-threads", 2));
        AtomicLong callerReceived = new AtomicLong();
        List<Channel> callers = new ArrayList<>();
        List<InetSocketAddress> targets = new ArrayList<>();
        List<RtpSession> sessions = new ArrayList<>();
        Bootstrap callerBootstrap = new Bootstrap().group(callerGroup).channel(EpollDatagramChannel.class)
                .handler(new CallerHandler(callerReceived));
        for (int i = 0; i < calls; i++) {
            Channel caller = callerBootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            callers.add(caller);
            Context context = contexts.get(i % contexts.size());
            CompletableFuture<RtpSession> opened = new CompletableFuture<>();
            context.runOnContext(v -> RtpSession.open(vertx, ports, config).onComplete(ar -> {
                if (ar.failed()) {
                    opened.completeExceptionally(ar.cause());
                    return;
                }
                RtpSession session = ar.result();
                session.start((InetSocketAddress) caller.localAddress(), Law.PCMU, 101);
                loop(session, prompt);
                opened.complete(session);
            }));
            RtpSession session = opened.get(5, TimeUnit.SECONDS);
            sessions.add(session);
            targets.add(new InetSocketAddress("127.0.0.1", session.localPort()));
        }

        AtomicLong callerSent = new AtomicLong();
        int callerThreads = Integer.getInteger("bench.caller-threads", 2);
        for (int t = 0; t < callerThreads; t++) {
            int first = t;
            int[] sequence = {0};
            // each caller thread paces the callers it owns: every callerThreads-th one
            callers.get(first).eventLoop().scheduleAtFixedRate(() -> {
                sequence[0]++;
                int n = 0;
                for (int i = first; i < callers.size(); i += callerThreads) {
                    ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(172);
                    packet.writeByte(0x80).writeByte(0).writeShort(sequence[0]).writeInt(sequence[0] * 160)
                            .writeInt(i);
                    packet.writeZero(160);
                    callers.get(i).writeAndFlush(new DatagramPacket(packet, targets.get(i)),
                            callers.get(i).voidPromise());
                    n++;
                }
                callerSent.addAndGet(n);
            }, 20, 20, TimeUnit.MILLISECONDS);
        }

        System.out.printf("%d calls on %d event loops, layout %s; warming up %d s%n", calls, loops, layout, warmup);
        Thread.sleep(warmup * 1000L);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long cpu0 = 0;
        long alloc0 = 0;
        for (Thread t : loopThreads) {
            cpu0 += threads.getThreadCpuTime(t.getId());
            alloc0 += threads.getThreadAllocatedBytes(t.getId());
        }
        long[] start = totals(sessions);
        long wall0 = System.nanoTime();
        Thread.sleep(measure * 1000L);
        long wall = System.nanoTime() - wall0;
        long cpu = -cpu0;
        long alloc = -alloc0;
        for (Thread t : loopThreads) {
            cpu += threads.getThreadCpuTime(t.getId());
            alloc += threads.getThreadAllocatedBytes(t.getId());
        }
        long[] end = totals(sessions);
        long sent = end[0] - start[0];
        long received = end[1] - start[1];
        long packets = sent + received;
        double expectedSent = calls * (wall / 20e6);
        System.out.printf("calls=%d layout=%s loops=%d: service loops cpu %.3f cores, %.2f us/packet, %.1f B/packet"
                + " allocated, %.3f cores per 1000 calls; service sent %d (%.2f%% short of 50/s per call), received %d%n",
                calls, layout, loops, cpu / (double) wall, cpu / 1e3 / packets, alloc / (double) packets,
                cpu / (double) wall / (calls / 1000.0), sent, 100.0 * (1 - sent / expectedSent), received);
        long[] all = totals(sessions);
        System.out.printf("  since start: callers sent %d, service heard %d (%.3f%% lost); service sent %d, callers"
                + " heard %d (%.3f%% lost); frames not sent %d, late ticks (summed over calls) %d%n", callerSent.get(), all[1],
                100.0 * (1 - all[1] / (double) callerSent.get()), all[0], callerReceived.get(),
                100.0 * (1 - callerReceived.get() / (double) all[0]), all[2], all[3]);
        for (RtpSession s : sessions) {
            s.close();
        }
        for (Channel c : callers) {
            c.close();
        }
        callerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** Packets sent, received and not sent by all sessions, each read on its own context. */
    private static long[] totals(List<RtpSession> sessions) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong late = new AtomicLong();
        CompletableFuture<?>[] reads = new CompletableFuture<?>[sessions.size()];
        for (int i = 0; i < sessions.size(); i++) {
            RtpSession s = sessions.get(i);
            CompletableFuture<Void> read = new CompletableFuture<>();
            s.context().runOnContext(v -> {
                sent.addAndGet(s.packetsSent());
                received.addAndGet(s.packetsReceived());
                failures.addAndGet(s.sendFailures());
                late.addAndGet(s.lateTicks());
                read.complete(null);
            });
            reads[i] = read;
        }
        CompletableFuture.allOf(reads).get(10, TimeUnit.SECONDS);
        return new long[] {sent.get(), received.get(), failures.get(), late.get()};
    }

    /** Counts what the callers receive; one instance shared by all caller channels. */
    @io.netty.channel.ChannelHandler.Sharable
    private static final class CallerHandler extends ChannelInboundHandlerAdapter {
        private final AtomicLong received;

        CallerHandler(AtomicLong received) {
            this.received = received;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received.incrementAndGet();
            ReferenceCountUtil.release(msg);
        }
    }

    /** Plays the prompt again and again, as a long menu would. */
    private static void loop(RtpSession session, EncodedClip prompt) {
        session.play(List.of(prompt), () -> loop(session, prompt));
    }
}
