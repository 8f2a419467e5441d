package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-packet paths must not allocate (STYLE habit 4). HotSpot counts the bytes each thread allocates;
 * one allocation per iteration would show as at least 16 bytes times the iteration count.
 */
class AllocationFreeTest {

    private static final int ITERATIONS = 20_000;
    /** Room for what the measurement itself may allocate; far below one object per iteration. */
    private static final long TOLERANCE_BYTES = 8 * 1024;

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void assertAllocationFree(String what, Runnable iteration) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        for (int i = 0; i < ITERATIONS; i++) {
            iteration.run(); // warm up: class loading, lambda linkage, JIT
        }
        long before = allocatedBytes();
        for (int i = 0; i < ITERATIONS; i++) {
            iteration.run();
        }
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < TOLERANCE_BYTES, what + " allocated " + allocated + " bytes in " + ITERATIONS
                + " iterations");
    }

    @Test
    void sendingAPacket() {
        EncodedClip clip = EncodedClip.fromPcm(new short[160 * 50]);
        RtpSendState state = new RtpSendState(1, 0, 0);
        ByteBuf packet = Unpooled.directBuffer(172);
        int[] frame = {0};
        assertAllocationFree("header + frame copy", () -> {
            state.writeNextHeader(packet, 0, Law.PCMA.payloadType());
            clip.copyFrame(Law.PCMA, frame[0], packet, RtpPacket.HEADER_LENGTH);
            frame[0] = (frame[0] + 1) % clip.frameCount();
        });
    }

    @Test
    void receivingATelephoneEvent() {
        ByteBuf packet = Unpooled.buffer(16);
        RtpPacket.writeHeader(packet, 0, false, 101, 1, 800, 7);
        packet.setBytes(12, new byte[] {5, 10, 0, (byte) 160});
        packet.writerIndex(16);
        TelephoneEventDecoder decoder = new TelephoneEventDecoder();
        long[] sink = {0};
        assertAllocationFree("RTP parse + RFC 4733 decode", () -> {
            if (RtpPacket.isValid(packet)) {
                sink[0] += decoder.onPacket(RtpPacket.marker(packet), RtpPacket.timestamp(packet), packet,
                        RtpPacket.payloadOffset(packet), RtpPacket.payloadLength(packet));
                sink[0] += RtpPacket.sequenceNumber(packet) + RtpPacket.ssrc(packet);
            }
        });
    }

    @Test
    void detectingInBandDtmf() {
        byte[] frame = new byte[160];
        for (int n = 0; n < 160; n++) {
            frame[n] = G711.encodeUlaw((int) (8000 * (Math.sin(2 * Math.PI * 770 * n / 8000)
                    + Math.sin(2 * Math.PI * 1336 * n / 8000))));
        }
        GoertzelDtmfDetector detector = new GoertzelDtmfDetector();
        long[] sink = {0};
        assertAllocationFree("Goertzel frame", () -> sink[0] += detector.processFrame(frame, 0, Law.PCMU));
    }
}
