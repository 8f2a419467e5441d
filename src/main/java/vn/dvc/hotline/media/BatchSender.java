package vn.dvc.hotline.media;

import static vn.dvc.hotline.media.NettyDatagramInternals.UNAVAILABLE;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import org.jboss.logging.Logger;
import vn.dvc.hotline.media.NettyDatagramInternals.Handles;

/**
 * Sends the datagrams of one pacer tick with {@code sendmmsg} straight from the sessions' buffers, each to its
 * caller's address given as bytes: nothing is allocated per datagram.
 *
 * <h2>Why not Netty's write</h2>
 * Netty's epoll datagram write takes every datagram through its outbound buffer (an entry per datagram, from a
 * recycler that keeps only some) and copies the recipient's address out of its {@code InetAddress}, which clones
 * a byte array each time: with 3,000 calls held, a fifth of what the service allocated (4.13 → 3.33 MB/s,
 * {@code jstat}), and so of how often a young GC came. This class drives the same native {@code sendmmsg} that
 * Netty does, through its package-private entry points ({@code Native.sendmmsg},
 * {@code NativeDatagramPacketArray}, found once in {@link NettyDatagramInternals}), as {@link BatchReceiver} does
 * for {@code recvmmsg}; if a Netty version lacks them, {@link #forChannel} gives null and the socket keeps
 * Netty's write.
 *
 * <p>A datagram that the kernel refuses (a full send buffer: {@code EAGAIN}) is dropped and counted, not queued:
 * a frame sent later than its tick is no use to the caller, and the pacer's next tick sends the next one.
 *
 * <p>Thread model: confined to the event loop of its channel (no locks). A queued buffer must stay unchanged
 * until {@link #send()}; the sender releases one reference of each buffer once the kernel has it (or it was
 * dropped), as Netty's write does.
 */
final class BatchSender {

    private static final Logger LOG = Logger.getLogger(BatchSender.class);

    /** Netty's recipient field: 16 bytes, an IPv6 address or an IPv4-mapped one ({@code ::ffff:a.b.c.d}). */
    static final int ADDRESS_BYTES = 16;

    private final int fd;
    private final boolean ipv6;
    private final Object packetArray;
    private final Object[] packets;
    /** The buffers queued, in order, each holding the reference that {@link #send()} releases. */
    private final ByteBuf[] queued;
    private int count;
    private long sent;
    private long dropped;
    private boolean released;

    private BatchSender(int fd, boolean ipv6) {
        this.fd = fd;
        this.ipv6 = ipv6;
        try {
            this.packetArray = (Object) Handles.NEW_ARRAY.invokeExact();
            this.packets = (Object[]) Handles.PACKETS.invokeExact(packetArray);
        } catch (Throwable failed) {
            throw new IllegalStateException("Netty's datagram array could not be made", failed);
        }
        this.queued = new ByteBuf[packets.length];
    }

    /**
     * A sender for an epoll datagram channel, or null when the channel is not epoll's or Netty's internals are
     * missing (logged once at debug). {@code ipv6}: the socket's family.
     */
    static BatchSender forChannel(Channel channel, boolean ipv6) {
        if (!(channel instanceof EpollDatagramChannel epoll)) {
            return null;
        }
        if (UNAVAILABLE != null) {
            LOG.debugf("Netty's sendmmsg internals not found, RTP is sent through Netty's write: %s", UNAVAILABLE);
            return null;
        }
        return new BatchSender(epoll.fd().intValue(), ipv6);
    }

    /**
     * {@code address} as the 16 bytes Netty's native code reads: IPv6 as is, IPv4 mapped. Made once per remote
     * address, so that queuing a datagram copies bytes rather than asking the address for them (which clones).
     */
    static byte[] addressBytes(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == ADDRESS_BYTES) {
            return raw;
        }
        byte[] mapped = new byte[ADDRESS_BYTES];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, raw.length);
        return mapped;
    }

    /**
     * Queues the readable bytes of a direct {@code buffer} for {@code recipient}, whose {@link #addressBytes}
     * are {@code recipientBytes}; takes over one reference of the buffer. Sends first when the batch is full.
     */
    void add(ByteBuf buffer, InetSocketAddress recipient, byte[] recipientBytes) {
        if (released || !buffer.isReadable()) {
            // (Netty's array skips an empty datagram without taking a slot: it must not take one of ours either)
            buffer.release();
            drop(1);
            return;
        }
        if (count == queued.length || !addWritable(buffer)) {
            send();
            if (!addWritable(buffer)) {
                buffer.release();
                drop(1);
                return;
            }
        }
        Object packet = packets[count];
        System.arraycopy(recipientBytes, 0, (byte[]) Handles.RECIPIENT_ADDRESS.get(packet), 0, ADDRESS_BYTES);
        Handles.RECIPIENT_ADDRESS_LENGTH.set(packet, ADDRESS_BYTES);
        int scope = recipient.getAddress() instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        int port = recipient.getPort();
        Handles.RECIPIENT_SCOPE.set(packet, scope);
        Handles.RECIPIENT_PORT.set(packet, port);
        queued[count++] = buffer;
    }

    private boolean addWritable(ByteBuf buffer) {
        try {
            return (boolean) Handles.ADD_WRITABLE.invokeExact(packetArray, buffer, buffer.readerIndex(),
                    buffer.readableBytes());
        } catch (RuntimeException | Error thrown) {
            throw thrown;
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /**
     * Hands what is queued to the kernel, in as few {@code sendmmsg} calls as it takes. A datagram the kernel
     * refuses is dropped: the rest of the batch when its buffer is full or the socket is closed, one datagram
     * for an error of its own (an unreachable address). Every queued buffer is released; nothing is thrown but
     * an {@link Error}, since this runs in the pacer's tick.
     *
     * @return datagrams the kernel took
     */
    int send() {
        int offset = 0;
        int taken = 0;
        while (offset < count) {
            int n;
            try {
                n = (int) Handles.SENDMMSG.invokeExact(fd, ipv6, packets, offset, count - offset);
            } catch (ClosedChannelException | RuntimeException unusable) {
                // the socket is gone (or Netty refuses it): none of the rest can go, and the tick goes on
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("RTP datagrams not sent: %s", unusable.toString());
                }
                n = 0;
            } catch (IOException failed) {
                // sendmmsg reports an error only for the first datagram it tried: that one is dropped
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("RTP datagram not sent: %s", failed.toString());
                }
                n = -1;
            } catch (Error thrown) {
                releaseQueued();
                throw thrown;
            } catch (Throwable unexpected) {
                releaseQueued();
                throw new IllegalStateException(unexpected);
            }
            if (n == 0) {
                drop(count - offset); // EAGAIN (the socket's send buffer is full), or the socket is unusable
                break;
            }
            if (n < 0) {
                drop(1);
                offset++;
            } else {
                taken += n;
                offset += n;
            }
        }
        sent += taken;
        releaseQueued();
        return taken;
    }

    private void drop(int datagrams) {
        if (datagrams > 0) {
            dropped += datagrams;
            RtpDrop.SEND_REFUSED.add(datagrams);
        }
    }

    private void releaseQueued() {
        for (int i = 0; i < count; i++) {
            queued[i].release();
            queued[i] = null;
        }
        count = 0;
        try {
            Handles.CLEAR.invokeExact(packetArray);
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** Datagrams queued and not yet sent. */
    int queued() {
        return count;
    }

    /** Datagrams the kernel took. */
    long sent() {
        return sent;
    }

    /** Datagrams dropped: refused by the kernel, or queued after {@link #release()}. */
    long dropped() {
        return dropped;
    }

    /** Releases what is queued and Netty's native iovec memory; later datagrams are dropped. */
    void release() {
        if (released) {
            return;
        }
        drop(count);
        releaseQueued();
        released = true;
        try {
            Handles.RELEASE.invokeExact(packetArray);
        } catch (Throwable unexpected) {
            LOG.debugf("Netty's datagram array was not released: %s", unexpected);
        }
    }
}
