package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvc.hotline.media.EpollLoopback.bytes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
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
 * {@link BatchSender} on a real epoll datagram socket on loopback, driven from its event loop: each queued buffer
 * reaches its own recipient, in order; a full batch goes out before the next datagram is queued; a datagram the
 * kernel refuses is dropped and counted while the rest go; each buffer's reference is released once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchSenderTest {

    private EpollLoopback net;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Epoll.isAvailable(), "sendmmsg through Netty's epoll transport");
        net = new EpollLoopback();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void eachBufferReachesItsOwnRecipientInOrderAndIsReleasedOnce() throws Exception {
        BatchSender sender = sender(net.bind(InternetProtocolFamily.IPv4, "127.0.0.1"), false);
        DatagramSocket a = net.socket("127.0.0.1");
        DatagramSocket b = net.socket("127.0.0.1");
        ByteBuf first = buffer(bytes(172, 1));
        ByteBuf second = buffer(bytes(172, 2));
        ByteBuf third = buffer(bytes(40, 3));
        List<ByteBuf> all = List.of(first, second, third);
        all.forEach(ByteBuf::retain); // the transport's reference, as a session gives it
        int sent = net.on(() -> {
            queue(sender, first, a);
            queue(sender, second, b);
            queue(sender, third, a);
            assertEquals(3, sender.queued(), "nothing goes before send()");
            return sender.send();
        });
        assertEquals(3, sent);
        assertArrayEquals(bytes(172, 1), receive(a));
        assertArrayEquals(bytes(40, 3), receive(a), "a's second datagram, after its first");
        assertArrayEquals(bytes(172, 2), receive(b));
        for (ByteBuf buffer : all) {
            assertEquals(1, buffer.refCnt(), "the transport's reference released, the owner's kept");
            buffer.release();
        }
        assertEquals(3L, (long) net.on(sender::sent));
        assertEquals(0L, (long) net.on(sender::dropped));
        assertEquals(0, (int) net.on(sender::queued));
    }

    @Test
    void aFullBatchIsSentBeforeTheNextDatagramIsQueued() throws Exception {
        BatchSender sender = sender(net.bind(InternetProtocolFamily.IPv4, "127.0.0.1"), false);
        DatagramSocket a = net.socket("127.0.0.1");
        InetSocketAddress to = address(a);
        byte[] toBytes = BatchSender.addressBytes(to.getAddress());
        ByteBuf payload = buffer(bytes(20, 0));
        List<Integer> queuedAfter = net.on(() -> {
            List<Integer> queued = new ArrayList<>();
            for (int i = 0; i < 1025; i++) {
                sender.add(payload.retain(), to, toBytes);
                queued.add(sender.queued());
            }
            return queued;
        });
        assertEquals(1024, (int) queuedAfter.get(1023), "sendmmsg's limit: 1,024 datagrams per call");
        assertEquals(1, (int) queuedAfter.get(1024), "the 1,025th waits, the first 1,024 went");
        assertEquals(1024L, (long) net.on(sender::sent));
        assertEquals(1, (int) net.on(sender::send));
        assertEquals(1, payload.refCnt(), "1,025 references taken, 1,025 released");
        payload.release();
    }

    @Test
    void aDatagramTheKernelRefusesIsDroppedAndTheOthersGo() throws Exception {
        BatchSender sender = sender(net.bind(InternetProtocolFamily.IPv4, "127.0.0.1"), false);
        DatagramSocket a = net.socket("127.0.0.1");
        InetSocketAddress portZero = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ByteBuf good = buffer(bytes(30, 1));
        ByteBuf refused = buffer(bytes(30, 2));
        ByteBuf after = buffer(bytes(30, 3));
        long droppedByAllBefore = RtpDrop.SEND_REFUSED.count();
        int sent = net.on(() -> {
            queue(sender, good.retain(), a);
            sender.add(refused.retain(), portZero, BatchSender.addressBytes(portZero.getAddress()));
            queue(sender, after.retain(), a);
            return sender.send();
        });
        assertEquals(2, sent, "UDP to port 0 is refused (EINVAL); the datagrams around it are not");
        assertEquals(1L, (long) net.on(sender::dropped));
        assertTrue(RtpDrop.SEND_REFUSED.count() >= droppedByAllBefore + 1, "counted for the metrics too");
        assertArrayEquals(bytes(30, 1), receive(a));
        assertArrayEquals(bytes(30, 3), receive(a));
        for (ByteBuf buffer : List.of(good, refused, after)) {
            assertEquals(1, buffer.refCnt(), "released whether sent or dropped");
            buffer.release();
        }
    }

    @Test
    void anEmptyBufferIsDroppedWithoutTakingTheNextDatagramsSlot() throws Exception {
        BatchSender sender = sender(net.bind(InternetProtocolFamily.IPv4, "127.0.0.1"), false);
        DatagramSocket a = net.socket("127.0.0.1");
        ByteBuf empty = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        int sent = net.on(() -> {
            queue(sender, empty, a);
            queue(sender, buffer(bytes(12, 5)), a);
            return sender.send();
        });
        assertEquals(1, sent);
        assertEquals(1L, (long) net.on(sender::dropped));
        assertEquals(0, empty.refCnt(), "released");
        assertArrayEquals(bytes(12, 5), receive(a), "the datagram after it went whole, to its recipient");
    }

    @Test
    void onAClosedSocketTheBatchIsDroppedAndNothingIsThrown() throws Exception {
        Channel channel = net.bind(InternetProtocolFamily.IPv4, "127.0.0.1");
        BatchSender sender = sender(channel, false);
        DatagramSocket a = net.socket("127.0.0.1");
        channel.close().sync();
        List<ByteBuf> buffers = List.of(buffer(bytes(20, 1)), buffer(bytes(20, 2)), buffer(bytes(20, 3)));
        int sent = net.on(() -> {
            for (ByteBuf buffer : buffers) {
                queue(sender, buffer.retain(), a);
            }
            return sender.send();
        });
        assertEquals(0, sent);
        assertEquals(3L, (long) net.on(sender::dropped));
        for (ByteBuf buffer : buffers) {
            assertEquals(1, buffer.refCnt(), "released though not sent");
            buffer.release();
        }
    }

    @Test
    void anIpv6SocketSendsToIpv6AndToIpv4MappedRecipients() throws Exception {
        Channel channel;
        DatagramSocket six;
        try {
            channel = net.bind(InternetProtocolFamily.IPv6, "::");
            six = net.socket("::1");
        } catch (Exception noIpv6) {
            Assumptions.abort("no IPv6 loopback here: " + noIpv6);
            return;
        }
        BatchSender sender = sender(channel, true);
        DatagramSocket four = net.socket("127.0.0.1");
        int sent = net.on(() -> {
            queue(sender, buffer(bytes(20, 6)), six);
            queue(sender, buffer(bytes(20, 4)), four);
            return sender.send();
        });
        assertEquals(2, sent);
        assertArrayEquals(bytes(20, 6), receive(six));
        assertArrayEquals(bytes(20, 4), receive(four));
    }

    @Test
    void addressBytesAreIpv6AsIsAndIpv4Mapped() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[13] = (byte) 0;
        mapped[14] = (byte) 2;
        mapped[15] = (byte) 7;
        assertArrayEquals(mapped, BatchSender.addressBytes(InetAddress.getByName("192.0.2.7")));
        InetAddress v6 = InetAddress.getByName("2001:db8::5");
        assertArrayEquals(v6.getAddress(), BatchSender.addressBytes(v6));
    }

    @Test
    void aReleasedSenderDropsWhatItIsGivenAndOnlyEpollChannelsGetOne() throws Exception {
        BatchSender sender = sender(net.bind(InternetProtocolFamily.IPv4, "127.0.0.1"), false);
        DatagramSocket a = net.socket("127.0.0.1");
        ByteBuf queuedAtRelease = buffer(bytes(10, 1));
        ByteBuf afterRelease = buffer(bytes(10, 2));
        net.on(() -> {
            queue(sender, queuedAtRelease.retain(), a);
            sender.release();
            sender.release(); // twice is harmless
            queue(sender, afterRelease.retain(), a);
            return null;
        });
        assertEquals(2L, (long) net.on(sender::dropped));
        assertEquals(1, queuedAtRelease.refCnt());
        assertEquals(1, afterRelease.refCnt());
        queuedAtRelease.release();
        afterRelease.release();
        a.setSoTimeout(200);
        DatagramPacket nothing = new DatagramPacket(new byte[64], 64);
        assertThrows(SocketTimeoutException.class, () -> a.receive(nothing), "nothing was sent");
        assertNull(BatchSender.forChannel(new NioDatagramChannel(), false), "NIO keeps Netty's write");
    }

    private BatchSender sender(Channel channel, boolean ipv6) {
        BatchSender sender = BatchSender.forChannel(channel, ipv6);
        assertNotNull(sender, "Netty's sendmmsg internals are found in this Netty version");
        net.releaseOnClose(sender::release);
        return sender;
    }


    /** Queues {@code buffer} for the plain socket {@code to}, as a session queues a frame for its caller. */
    private static void queue(BatchSender sender, ByteBuf buffer, DatagramSocket to) {
        sender.add(buffer, address(to), BatchSender.addressBytes(address(to).getAddress()));
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static ByteBuf buffer(byte[] content) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(content.length).writeBytes(content);
    }

}
