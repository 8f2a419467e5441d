package vn.dvc.hotline.calls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The caller's side of RTP in tests: one loopback socket that receives the service's stream and sends the caller's
 * packets (silence, RFC 4733 events) from the address its SDP names. Blocking; used from the test thread only.
 */
final class RtpPeer implements AutoCloseable {

    /** One received RTP packet, decoded. */
    record Packet(boolean marker, int payloadType, int sequence, long timestamp, int ssrc, byte[] payload,
            long receivedNanos) {
    }

    private final DatagramSocket socket;
    private InetSocketAddress service;
    private int sequence = 1000;
    private long timestamp = 160_000;

    RtpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(2000);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP offer for this peer: PCMU and PCMA, telephone-event 101 unless {@code withTelephoneEvent} is false. */
    String offer(boolean withTelephoneEvent) {
        return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port() + " RTP/AVP 0 8" + (withTelephoneEvent ? " 101" : "") + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + (withTelephoneEvent ? "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n" : "")
                + "a=ptime:20\r\na=sendrecv\r\n";
    }

    void serviceAt(InetSocketAddress service) {
        this.service = service;
    }

    /** The service's RTP port from its SDP answer. */
    static int audioPort(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=audio ")) {
                return Integer.parseInt(line.split(" ")[1]);
            }
        }
        throw new AssertionError("no m=audio in " + sdp);
    }

    Packet receive() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no RTP from the service within 2 s", e);
        }
        long at = System.nanoTime();
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, datagram.getLength());
        int first = b.get() & 0xff;
        int second = b.get() & 0xff;
        int seq = b.getShort() & 0xffff;
        long ts = b.getInt() & 0xffffffffL;
        int ssrc = b.getInt();
        int headerLength = 12 + 4 * (first & 0x0f);
        return new Packet((second & 0x80) != 0, second & 0x7f, seq, ts, ssrc,
                Arrays.copyOfRange(buffer, headerLength, datagram.getLength()), at);
    }

    /** One 20 ms frame of µ-law silence, so that the service sees the caller alive. */
    void sendSilence() throws IOException {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0xFF);
        send(false, 0, payload);
        timestamp += 160;
    }

    /** A key press as RFC 4733 events: start with marker, two continuations, three end packets. */
    void sendTelephoneEvent(char digit) throws IOException {
        int event = switch (digit) {
            case '*' -> 10;
            case '#' -> 11;
            default -> digit - '0';
        };
        long eventTimestamp = timestamp;
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = Math.min(3, i + 1) * 160;
            byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
            timestamp = eventTimestamp;
            send(i == 0, 101, payload);
        }
        timestamp = eventTimestamp + 640;
    }

    /** Any bytes, as one datagram from this peer's address. */
    void sendRaw(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, service));
    }

    private void send(boolean marker, int payloadType, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence++)
                .putInt((int) timestamp).putInt(0x12345678).put(payload);
        socket.send(new DatagramPacket(b.array(), b.position(), service));
    }

    @Override
    public void close() {
        socket.close();
    }
}
