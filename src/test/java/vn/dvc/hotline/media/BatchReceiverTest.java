package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvc.hotline.media.EpollLoopback.bytes;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BatchReceiver} on a real epoll datagram socket on loopback, driven from its event loop: what one
 * {@code recvmmsg} returns, each datagram's bytes and sender as numbers, on IPv4 and IPv6 sockets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchReceiverTest {

    private EpollLoopback net;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Epoll.isAvailable(), "recvmmsg through Netty's epoll transport");
        net = new EpollLoopback();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void readsWhatIsQueuedWithEachSendersAddressAndPort() throws Exception {
        Channel channel = net.bind(InternetProtocolFamily.IPv4, "127.0.0.1");
        BatchReceiver receiver = receiver(channel, false, 8, 1500);
        assertEquals(0, (int) net.on(receiver::receive), "nothing queued");

        DatagramSocket a = net.socket("127.0.0.1");
        DatagramSocket b = net.socket("127.0.0.1");
        byte[] first = bytes(12, 1);
        byte[] second = bytes(172, 2);
        byte[] third = bytes(40, 3);
        send(a, channel, first);
        send(b, channel, second);
        send(a, channel, third);
        letLoopbackDeliver();

        assertEquals(3, (int) net.on(receiver::receive));
        List<Object[]> read = net.on(() -> {
            List<Object[]> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(new Object[] {ByteBufUtil.getBytes(receiver.datagram(i)), receiver.senderIsIpv4(i),
                        receiver.senderIpv4(i), receiver.senderPort(i), receiver.sender(i)});
            }
            return all;
        });
        byte[][] expected = {first, second, third};
        DatagramSocket[] from = {a, b, a};
        for (int i = 0; i < 3; i++) {
            Object[] datagram = read.get(i);
            assertArrayEquals(expected[i], (byte[]) datagram[0], "bytes of datagram " + i);
            assertEquals(true, datagram[1]);
            assertEquals(0x7f000001, (int) datagram[2], "127.0.0.1 as an int, high byte first");
            assertEquals(from[i].getLocalPort(), (int) datagram[3]);
            assertEquals(from[i].getLocalSocketAddress(), datagram[4]);
        }
        assertEquals(0, (int) net.on(receiver::receive), "drained");
        assertThrows(IndexOutOfBoundsException.class, () -> net.on(() -> receiver.datagram(0)),
                "no datagram beyond the last receive");
    }

    @Test
    void aReceiveStopsAtItsCapacityAndTheRestWaitsForTheNext() throws Exception {
        Channel channel = net.bind(InternetProtocolFamily.IPv4, "127.0.0.1");
        BatchReceiver receiver = receiver(channel, false, 2, 1500);
        DatagramSocket a = net.socket("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            send(a, channel, bytes(20, i));
        }
        letLoopbackDeliver();
        List<Integer> counts = new ArrayList<>();
        List<Integer> firstBytes = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            int received = net.on(receiver::receive);
            counts.add(received);
            for (int i = 0; i < received; i++) {
                int at = i;
                firstBytes.add(net.on(() -> (int) receiver.datagram(at).getByte(receiver.datagram(at).readerIndex())));
            }
        }
        assertEquals(List.of(2, 2, 1, 0), counts);
        assertEquals(List.of(0, 1, 2, 3, 4), firstBytes, "in the order sent, none twice");
    }

    @Test
    void aDatagramLongerThanASlotIsCutToTheSlot() throws Exception {
        Channel channel = net.bind(InternetProtocolFamily.IPv4, "127.0.0.1");
        BatchReceiver receiver = receiver(channel, false, 4, 100);
        DatagramSocket a = net.socket("127.0.0.1");
        byte[] big = bytes(300, 7);
        send(a, channel, big);
        send(a, channel, bytes(30, 8));
        letLoopbackDeliver();
        assertEquals(2, (int) net.on(receiver::receive));
        byte[] cut = net.on(() -> ByteBufUtil.getBytes(receiver.datagram(0)));
        assertEquals(100, cut.length);
        assertArrayEquals(Arrays.copyOf(big, 100), cut);
        assertArrayEquals(bytes(30, 8), net.on(() -> ByteBufUtil.getBytes(receiver.datagram(1))),
                "the next slot is untouched by the cut one");
    }

    @Test
    void anIpv6SocketNamesIpv6SendersByAddressAndMappedIpv4OnesAsNumbers() throws Exception {
        Channel channel;
        DatagramSocket six;
        try {
            channel = net.bind(InternetProtocolFamily.IPv6, "::");
            six = net.socket("::1");
        } catch (Exception noIpv6) {
            Assumptions.abort("no IPv6 loopback here: " + noIpv6);
            return;
        }
        BatchReceiver receiver = receiver(channel, true, 8, 1500);
        DatagramSocket four = net.socket("127.0.0.1");
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        six.send(new DatagramPacket(bytes(20, 6), 20, new InetSocketAddress("::1", port)));
        four.send(new DatagramPacket(bytes(20, 4), 20, new InetSocketAddress("127.0.0.1", port)));
        letLoopbackDeliver();
        assertEquals(2, (int) net.on(receiver::receive));
        assertEquals(false, net.on(() -> receiver.senderIsIpv4(0)));
        assertEquals(six.getLocalSocketAddress(), net.on(() -> receiver.sender(0)));
        assertEquals(true, net.on(() -> receiver.senderIsIpv4(1)), "an IPv4-mapped sender counts as IPv4");
        assertEquals(0x7f000001, (int) net.on(() -> receiver.senderIpv4(1)));
        assertEquals(four.getLocalPort(), (int) net.on(() -> receiver.senderPort(1)));
        assertEquals(four.getLocalSocketAddress(), net.on(() -> receiver.sender(1)));
    }

    @Test
    void aReleasedReceiverRefusesToReadAndOnlyEpollChannelsGetOne() throws Exception {
        Channel channel = net.bind(InternetProtocolFamily.IPv4, "127.0.0.1");
        BatchReceiver receiver = receiver(channel, false, 4, 1500);
        net.on(() -> {
            receiver.release();
            receiver.release(); // twice is harmless
            return null;
        });
        assertThrows(IllegalStateException.class, () -> net.on(receiver::receive));
        assertNull(BatchReceiver.forChannel(new NioDatagramChannel(), false, 4, 1500), "NIO keeps Netty's read");
        assertThrows(IllegalArgumentException.class, () -> BatchReceiver.forChannel(channel, false, 0, 1500));
        assertThrows(IllegalArgumentException.class, () -> BatchReceiver.forChannel(channel, false, 1025, 1500));
    }


    private BatchReceiver receiver(Channel channel, boolean ipv6, int capacity, int slotSize) {
        assertTrue(BatchReceiver.available(), "Netty's recvmmsg internals are found in this Netty version");
        BatchReceiver receiver = BatchReceiver.forChannel(channel, ipv6, capacity, slotSize);
        assertNotNull(receiver);
        net.releaseOnClose(receiver::release);
        return receiver;
    }


    private static void send(DatagramSocket from, Channel to, byte[] data) throws Exception {
        from.send(new DatagramPacket(data, data.length, (InetSocketAddress) to.localAddress()));
    }

    /**
     * Loopback queues a datagram before {@code send} returns, unless the kernel deferred its softirq to
     * another thread under load: a pause covers that. (What is asserted is counts and bytes, not time.)
     */
    private static void letLoopbackDeliver() throws InterruptedException {
        Thread.sleep(50);
    }

}
