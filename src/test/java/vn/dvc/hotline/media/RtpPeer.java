package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * The far end of a call in tests: a plain blocking {@link DatagramSocket} on loopback that receives our
 * stream and sends RTP back. Used from the test thread only.
 */
final class RtpPeer implements AutoCloseable {

    /** One received packet, parsed. */
    record Received(boolean marker, int payloadType, int sequence, long timestamp, int ssrc, byte[] payload,
            long arrivalNanos) {
    }

    private final DatagramSocket socket;
    private final byte[] receiveBuffer = new byte[2048];
    private int sequence = 1000;
    private int ssrc = 0x5EED;

    RtpPeer(String address) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RtpPeer() {
        this("127.0.0.1");
    }

    /** The SSRC of the packets sent from now on. */
    void ssrc(int ssrc) {
        this.ssrc = ssrc;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The next packet, or null if none comes within {@code timeoutMillis}. */
    Received receive(int timeoutMillis) {
        DatagramPacket datagram = new DatagramPacket(receiveBuffer, receiveBuffer.length);
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long arrival = System.nanoTime();
        ByteBuf buf = Unpooled.wrappedBuffer(datagram.getData(), 0, datagram.getLength());
        if (!RtpPacket.isValid(buf)) {
            throw new AssertionError("not RTP: " + datagram.getLength() + " bytes");
        }
        byte[] payload = new byte[RtpPacket.payloadLength(buf)];
        buf.getBytes(RtpPacket.payloadOffset(buf), payload);
        return new Received(RtpPacket.marker(buf), RtpPacket.payloadType(buf), RtpPacket.sequenceNumber(buf),
                RtpPacket.timestamp(buf), RtpPacket.ssrc(buf), payload, arrival);
    }

    /** Every packet until none comes for {@code quietMillis}. */
    List<Received> drain(int quietMillis) {
        List<Received> all = new ArrayList<>();
        for (Received r = receive(quietMillis); r != null; r = receive(quietMillis)) {
            all.add(r);
        }
        return all;
    }

    /** Packets received over {@code millis} (roughly). */
    List<Received> collect(int millis) {
        List<Received> all = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return all;
            }
            Received r = receive((int) left);
            if (r != null) {
                all.add(r);
            }
        }
    }

    /** Sends an RTP packet with the given payload to {@code to}; the sequence advances. */
    void sendRtp(InetSocketAddress to, boolean marker, int payloadType, long timestamp, byte[] payload) {
        byte[] packet = new byte[RtpPacket.HEADER_LENGTH + payload.length];
        RtpPacket.writeHeader(Unpooled.wrappedBuffer(packet), 0, marker, payloadType, sequence++, timestamp, ssrc);
        System.arraycopy(payload, 0, packet, RtpPacket.HEADER_LENGTH, payload.length);
        sendRaw(to, packet);
    }

    /** Sends an RFC 4733 telephone-event packet. */
    void sendEvent(InetSocketAddress to, int payloadType, boolean marker, long timestamp, int event, boolean end,
            int duration) {
        byte[] block = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        sendRtp(to, marker, payloadType, timestamp, block);
    }

    void sendRaw(InetSocketAddress to, byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public void close() {
        socket.close();
    }
}
