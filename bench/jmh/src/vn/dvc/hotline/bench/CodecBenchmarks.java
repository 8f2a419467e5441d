package vn.dvc.hotline.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.G711;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.RtpPacket;
import vn.dvc.hotline.media.RtpSendState;
import vn.dvc.hotline.media.TelephoneEventDecoder;

/**
 * The per-packet codecs: RTP header written in place with the frame copy (the send path of one packet),
 * G.711 encode and decode of one 20 ms frame, and the receive path of an RFC 4733 packet (validation,
 * header fields, telephone-event decoding). Run with {@code bench/jmh/run.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmarks {

    private final EncodedClip clip = EncodedClip.fromPcm(tone(160 * 50));
    private final RtpSendState stream = new RtpSendState(0x1234_5678, 0, 0);
    private ByteBuf packet;
    private int frame;

    private final short[] pcm = tone(160);
    private final byte[] encoded = new byte[160];
    private final short[] decoded = new short[160];

    private ByteBuf event;
    private final TelephoneEventDecoder decoder = new TelephoneEventDecoder();
    private long eventTimestamp;

    @Setup(Level.Trial)
    public void setUp() {
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(172, 172);
        event = PooledByteBufAllocator.DEFAULT.directBuffer(16, 16);
        RtpPacket.writeHeader(event, 0, true, 101, 1, 800, 7);
        event.setBytes(12, new byte[] {5, 10, 0, (byte) 160});
        event.writerIndex(16);
        G711.encodeUlaw(pcm, 0, encoded, 0, 160);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        packet.release();
        event.release();
    }

    private static short[] tone(int samples) {
        short[] s = new short[samples];
        for (int n = 0; n < samples; n++) {
            s[n] = (short) (8000 * Math.sin(2 * Math.PI * 697 * n / 8000) + 6000 * Math.sin(2 * Math.PI * 1209 * n / 8000));
        }
        return s;
    }

    /** The header of the next packet and its 160-byte frame, in place in a pooled direct buffer. */
    @Benchmark
    public int rtpHeaderWriteAndFrameCopy() {
        stream.writeNextHeader(packet, 0, Law.PCMU.payloadType());
        clip.copyFrame(Law.PCMU, frame, packet, RtpPacket.HEADER_LENGTH);
        frame = frame + 1 == clip.frameCount() ? 0 : frame + 1;
        return frame;
    }

    /** The 12-byte header alone. */
    @Benchmark
    public int rtpHeaderWrite() {
        return stream.writeNextHeader(packet, 0, Law.PCMU.payloadType());
    }

    @Benchmark
    public byte[] g711UlawEncodeFrame() {
        G711.encodeUlaw(pcm, 0, encoded, 0, 160);
        return encoded;
    }

    @Benchmark
    public byte[] g711AlawEncodeFrame() {
        G711.encodeAlaw(pcm, 0, encoded, 0, 160);
        return encoded;
    }

    @Benchmark
    public short[] g711UlawDecodeFrame() {
        G711.decodeUlaw(encoded, 0, decoded, 0, 160);
        return decoded;
    }

    /** A received RFC 4733 packet: validated, header read, event decoded (a new press each time). */
    @Benchmark
    public char rfc4733Parse() {
        eventTimestamp += 1_600_000; // a new event each call, so the decoder reports it
        event.setInt(4, (int) eventTimestamp);
        if (!RtpPacket.isValid(event)) {
            return 0;
        }
        return decoder.onPacket(RtpPacket.marker(event), RtpPacket.timestamp(event), event,
                RtpPacket.payloadOffset(event), RtpPacket.payloadLength(event));
    }
}
