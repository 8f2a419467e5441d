package vn.dvc.hotline.media;

import static vn.dvc.hotline.media.NettyDatagramInternals.UNAVAILABLE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;
import vn.dvc.hotline.media.NettyDatagramInternals.Handles;

/**
 * Reads up to {@link #capacity()} datagrams with one {@code recvmmsg} into a buffer of its own, and gives
 * each sender's address as numbers: nothing is allocated per datagram.
 *
 * <h2>Why not Netty's read</h2>
 * Netty's epoll datagram read makes, for every datagram, a {@code DatagramPacket}, an
 * {@code InetSocketAddress} and an {@code Inet4Address}, each with its holder: about 130 bytes, 80 % of
 * what the service allocated with 3,000 calls held (JFR), and so what set the young GC's rhythm (one
 * 600 MB eden every ~20 s). This class drives the same native {@code recvmmsg} that Netty does, through its
 * package-private entry points ({@code Native.recvmmsg}, {@code NativeDatagramPacketArray}, found once in
 * {@link NettyDatagramInternals}). Those are Netty internals: if a Netty version lacks them, {@link #available()}
 * is false and the socket keeps Netty's own read.
 *
 * <p>Thread model: confined to the event loop of the channel it reads (no locks). The buffer that
 * {@link #datagram(int)} returns is overwritten by the next {@link #receive()}: a reader parses in place and
 * keeps nothing.
 */
final class BatchReceiver {

    private static final Logger LOG = Logger.getLogger(BatchReceiver.class);

    /** Each packet reads into one slot of one direct buffer: one iovec. */
    private static final int IOVECS_PER_PACKET = 1;

    private final int fd;
    private final boolean ipv6;
    private final int slotSize;
    private final int capacity;
    private final Object packetArray;
    private final Object[] packets;
    private final ByteBuf buffer;
    private int received;
    private boolean released;

    private BatchReceiver(int fd, boolean ipv6, int capacity, int slotSize, ByteBufAllocator allocator) {
        this.fd = fd;
        this.ipv6 = ipv6;
        this.capacity = capacity;
        this.slotSize = slotSize;
        this.buffer = allocator.directBuffer(capacity * slotSize, capacity * slotSize);
        try {
            this.packetArray = (Object) Handles.NEW_ARRAY.invokeExact();
            this.packets = (Object[]) Handles.PACKETS.invokeExact(packetArray);
            // One iovec per packet, each on its slot of the buffer: set once, the buffer never moves.
            for (int i = 0; i < capacity; i++) {
                boolean added = (boolean) Handles.ADD_WRITABLE.invokeExact(packetArray, buffer, i * slotSize,
                        slotSize);
                if (!added) {
                    throw new IllegalStateException("Netty's iovec array is full at " + i + " datagrams");
                }
            }
        } catch (Throwable failed) {
            buffer.release();
            throw failed instanceof IllegalStateException known ? known
                    : new IllegalStateException("Netty's datagram array could not be made", failed);
        }
    }

    /** Whether Netty's internals this class drives were found (logs why not, once, at debug). */
    static boolean available() {
        if (UNAVAILABLE != null) {
            LOG.debugf("Netty's recvmmsg internals not found, RTP is read through Netty's read: %s", UNAVAILABLE);
        }
        return UNAVAILABLE == null;
    }

    /**
     * A receiver for an epoll datagram channel, or null when the channel is not epoll's or Netty's internals
     * are missing. {@code ipv6}: the socket's family.
     */
    static BatchReceiver forChannel(Channel channel, boolean ipv6, int capacity, int slotSize) {
        if (!(channel instanceof EpollDatagramChannel epoll) || !available()) {
            return null;
        }
        if (capacity < 1 || capacity > 1024 || slotSize < 12) {
            throw new IllegalArgumentException("capacity " + capacity + " of slots of " + slotSize + " bytes");
        }
        return new BatchReceiver(epoll.fd().intValue(), ipv6, capacity, slotSize, channel.alloc());
    }

    /** Datagrams one {@link #receive()} reads at most. */
    int capacity() {
        return capacity;
    }

    /**
     * Reads what is queued, up to {@link #capacity()} datagrams; 0 when nothing is. A datagram longer than a
     * slot is cut to the slot.
     *
     * @throws IOException the socket's error (not "nothing queued")
     */
    int receive() throws IOException {
        if (released) {
            throw new IllegalStateException("receiver released");
        }
        for (int i = 0; i < received; i++) {
            Handles.COUNT.set(packets[i], IOVECS_PER_PACKET); // the last receive overwrote it with a length
        }
        received = 0;
        try {
            received = (int) Handles.RECVMMSG.invokeExact(fd, ipv6, packets, 0, capacity);
        } catch (IOException | RuntimeException | Error thrown) {
            throw thrown;
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
        return received;
    }

    /** Datagram {@code i} of the last receive, as the readable bytes of this receiver's buffer. */
    ByteBuf datagram(int i) {
        checkIndex(i);
        int start = i * slotSize;
        return buffer.setIndex(start, start + Math.min(slotSize, (int) Handles.COUNT.get(packets[i])));
    }

    /** Whether datagram {@code i} came from an IPv4 address (or an IPv4-mapped IPv6 one). */
    boolean senderIsIpv4(int i) {
        checkIndex(i);
        return (int) Handles.SENDER_ADDRESS_LENGTH.get(packets[i]) == 4;
    }

    /** The IPv4 sender of datagram {@code i} as an int in network order, high byte first. */
    int senderIpv4(int i) {
        checkIndex(i);
        return ipv4((byte[]) Handles.SENDER_ADDRESS.get(packets[i]));
    }

    /** The first four bytes of {@code address} as an IPv4 address in an int, high byte first. */
    static int ipv4(byte[] address) {
        return (address[0] & 0xff) << 24 | (address[1] & 0xff) << 16 | (address[2] & 0xff) << 8 | address[3] & 0xff;
    }

    /** The sender's UDP port of datagram {@code i}. */
    int senderPort(int i) {
        checkIndex(i);
        return (int) Handles.SENDER_PORT.get(packets[i]);
    }

    /** The sender of datagram {@code i} as an address object: allocates, for the senders that are not IPv4. */
    InetSocketAddress sender(int i) {
        checkIndex(i);
        Object packet = packets[i];
        byte[] address = (byte[]) Handles.SENDER_ADDRESS.get(packet);
        int length = (int) Handles.SENDER_ADDRESS_LENGTH.get(packet);
        try {
            InetAddress ip = length == 4
                    ? InetAddress.getByAddress(new byte[] {address[0], address[1], address[2], address[3]})
                    : Inet6Address.getByAddress(null, address.clone(), (int) Handles.SENDER_SCOPE.get(packet));
            return new InetSocketAddress(ip, (int) Handles.SENDER_PORT.get(packet));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Frees the buffer and Netty's native iovec memory; the receiver is unusable after. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        buffer.release();
        try {
            Handles.RELEASE.invokeExact(packetArray);
        } catch (Throwable unexpected) {
            LOG.debugf("Netty's datagram array was not released: %s", unexpected);
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= received) {
            throw new IndexOutOfBoundsException("datagram " + i + " of " + received);
        }
    }
}
