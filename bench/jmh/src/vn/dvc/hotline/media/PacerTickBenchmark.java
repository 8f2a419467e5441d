package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One pacer tick over N calls (3,000 by default) playing a prompt, with a stub transport: the calls share
 * one socket whose channel counts the bytes written and drops them (Netty's {@link EmbeddedChannel}, with a
 * handler that releases each datagram at once, as a completed send would). What is measured is our side of
 * the send path: the pacer loop, header write, frame copy, retain and the write through the pipeline. The
 * pacer's timer is stopped after setup, so the benchmark thread is the only one ticking.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PacerTickBenchmark {

    @Param({"3000"})
    public int calls;

    private Vertx vertx;
    private RtpPacer pacer;
    private ByteCounter counter;
    private long now;

    /** Counts and drops every datagram written: the stub transport. */
    static final class ByteCounter extends ChannelOutboundHandlerAdapter {
        long bytes;
        long packets;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            DatagramPacket datagram = (DatagramPacket) msg;
            ByteBuf content = datagram.content();
            bytes += content.readableBytes();
            packets++;
            datagram.release();
            promise.trySuccess();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        vertx = Vertx.vertx();
        counter = new ByteCounter();
        EmbeddedChannel channel = new EmbeddedChannel(counter);
        RtpSocket socket = RtpSocket.over(channel, 40000);
        RtpConfig config = new RtpConfig() {
            public int portMin() {
                return 40000;
            }

            public int portMax() {
                return 40001;
            }

            public Optional<String> bindAddress() {
                return Optional.empty();
            }

            public SocketLayout socketLayout() {
                return SocketLayout.PER_EVENT_LOOP;
            }

            public Duration overloadLagLimit() {
                return Duration.ZERO;
            }

            public Duration inactivityTimeout() {
                return Duration.ofHours(1);
            }

            public ReadMode readMode() {
                return ReadMode.ON_TICK;
            }
        };
        EncodedClip prompt = EncodedClip.silence(500);
        ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
        CompletableFuture<RtpPacer> ready = new CompletableFuture<>();
        context.runOnContext(v -> {
            RtpSession last = null;
            for (int i = 0; i < calls; i++) {
                RtpSession session = RtpSession.on(vertx, context, socket, config);
                session.start(new InetSocketAddress("127.0.0.1", 10000 + 2 * (i % 20000)), Law.PCMU, 101);
                session.play(List.of(prompt), null);
                last = session;
            }
            RtpPacer p = last.pacer();
            vertx.cancelTimer(p.timerId);
            ready.complete(p);
        });
        pacer = ready.get(30, TimeUnit.SECONDS);
        now = System.nanoTime();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.printf("%n  stub transport: %d packets, %d bytes, %.1f bytes per packet%n", counter.packets,
                counter.bytes, counter.bytes / (double) Math.max(1, counter.packets));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One tick: every call's frame of this 20 ms period, written and flushed. */
    @Benchmark
    public long tick() {
        now += RtpPacer.PERIOD_NANOS;
        pacer.tickAt(now);
        return counter.packets;
    }
}
