package vn.dvc.hotline.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends raw bytes (torture messages, hand-made retransmissions) to the service and collects the status
 * codes of whatever comes back within a window. Blocking; for tests only.
 */
final class RawSip {

    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ", Pattern.MULTILINE);

    private RawSip() {
    }

    /**
     * Sends datagrams from {@code local} and returns the status codes of the responses received there
     * until {@code quiet} passes without one.
     */
    static List<Integer> udp(InetSocketAddress local, InetSocketAddress target, Duration quiet, byte[]... datagrams)
            throws IOException {
        try (DatagramSocket socket = new DatagramSocket(local)) {
            for (byte[] d : datagrams) {
                socket.send(new DatagramPacket(d, d.length, target));
            }
            List<Integer> statuses = new ArrayList<>();
            socket.setSoTimeout((int) quiet.toMillis());
            byte[] buffer = new byte[65_535];
            while (true) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return statuses;
                }
                statuses.addAll(statuses(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)));
            }
        }
    }

    /** Sends the bytes on a new TCP connection and returns the statuses read until {@code quiet} passes. */
    static List<Integer> tcp(InetSocketAddress target, Duration quiet, byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(target, 2000);
            socket.getOutputStream().write(message);
            socket.getOutputStream().flush();
            socket.setSoTimeout((int) quiet.toMillis());
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // quiet long enough
            }
            return statuses(received.toString(StandardCharsets.UTF_8));
        }
    }

    static List<Integer> statuses(String text) {
        List<Integer> result = new ArrayList<>();
        Matcher m = STATUS.matcher(text);
        while (m.find()) {
            result.add(Integer.parseInt(m.group(1)));
        }
        return result;
    }
}
