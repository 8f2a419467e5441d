package vn.dvc.hotline.sip;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

/**
 * JAIN-SIP's UDP listener with one change: it receives into a buffer it keeps and queues a copy the size of the
 * datagram. The stack's own listener allocates a new array of the largest message allowed (64 KiB) for every
 * datagram: about 190 KiB of garbage per call (INVITE, ACK, BYE), 38 MB/s at 200 new calls a second, and a quarter
 * of the service's garbage in a ramp. What the stack does with a datagram once queued is unchanged: its worker
 * threads parse it, as they did. The stack's queue has no bound: this reader drops what arrives while
 * {@code hotline.sip.stack.udp-queue-limit} datagrams wait, so a flood cannot fill the heap.
 *
 * <p>The stack sends UDP responses and requests from the listening socket only when its package-private
 * {@code udpFlag} is set, which its own factories do; this class sets it through a private lookup. Where that field
 * is missing (another JAIN-SIP version) {@link #available()} is false and the stack's own listener is used.
 *
 * <p>Thread model: {@link #run} is the stack's listener thread, the only one that touches the buffer.
 */
final class ReusedBufferUdpProcessor extends UDPMessageProcessor {

    private static final Logger LOG = Logger.getLogger(ReusedBufferUdpProcessor.class.getName());
    private static final int MAX_FAILURES_REPORTED = 10;

    private static final long DROP_REPORT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int workers;
    private final int maxMessageSize;
    private final int queueLimit;
    private final String threadNamePrefix;
    /** Written by the listener thread only. */
    private volatile long dropped;
    private long droppedReported;
    private long lastDropReport;

    private ReusedBufferUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, int workers,
            int maxMessageSize, int queueLimit, String threadNamePrefix) throws IOException {
        super(address, stack, port);
        this.lastDropReport = System.nanoTime() - DROP_REPORT_NANOS; // the first drop is reported at once
        this.workers = workers;
        this.maxMessageSize = maxMessageSize;
        this.queueLimit = queueLimit;
        this.threadNamePrefix = threadNamePrefix;
    }

    /** Why the stack's own listener is used instead, if it is. */
    static Optional<String> unavailableReason() {
        return Optional.ofNullable(UdpFlag.FAILURE);
    }

    static boolean available() {
        return UdpFlag.HANDLE != null;
    }

    /**
     * @param workers        the stack's parsing threads ({@code THREAD_POOL_SIZE}, at least one)
     * @param maxMessageSize the largest datagram read whole; a longer one is cut and fails to parse, as in the stack
     * @param queueLimit     datagrams waiting for a parsing thread at most; beyond it arrivals are dropped
     * @throws NullPointerException unless {@link #available()}
     */
    static ReusedBufferUdpProcessor create(SIPTransactionStack stack, InetAddress address, int port, int workers,
            int maxMessageSize, int queueLimit, String threadNamePrefix) throws IOException {
        ReusedBufferUdpProcessor processor = new ReusedBufferUdpProcessor(address, stack, port, workers,
                maxMessageSize, queueLimit, threadNamePrefix);
        UdpFlag.HANDLE.setVolatile(stack, true);
        return processor;
    }

    @Override
    public void run() {
        messageChannels = new LinkedList<>();
        for (int i = 0; i < workers; i++) {
            messageChannels.add(new Worker(sipStack, this, threadNamePrefix + "-UDPMessageChannelThread-" + i));
        }
        byte[] buffer = new byte[maxMessageSize];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        int failuresInARow = 0;
        while (isRunning) {
            try {
                received.setLength(buffer.length);
                sock.receive(received);
                if (messageQueue.size() >= queueLimit) {
                    drop();
                    continue;
                }
                byte[] message = Arrays.copyOf(buffer, received.getLength());
                DatagramPacket packet = new DatagramPacket(message, message.length, received.getAddress(),
                        received.getPort());
                messageQueue.offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()));
                failuresInARow = 0;
                if (dropped != droppedReported) {
                    reportDrops();
                }
            } catch (SocketTimeoutException e) {
                // only if the stack's thread auditor set a timeout: nothing to read, read on
            } catch (SocketException e) {
                if (!isRunning || sock.isClosed()) {
                    return;
                }
                failuresInARow = report(e, failuresInARow);
            } catch (IOException | RuntimeException e) {
                failuresInARow = report(e, failuresInARow);
            }
        }
    }

    /** Datagrams dropped because the parsing threads were {@code queueLimit} behind. */
    long dropped() {
        return dropped;
    }

    /** Counts a dropped datagram and reports it (see {@link #reportDrops}). */
    private void drop() {
        dropped++;
        reportDrops();
    }

    /**
     * Logs dropped datagrams not reported yet, at most once a minute: the first drop after a quiet minute at once,
     * the rest with the next datagram read after the minute, dropped or not.
     */
    private void reportDrops() {
        long now = System.nanoTime();
        if (now - lastDropReport >= DROP_REPORT_NANOS) {
            LOG.warning("SIP over UDP on port " + getPort() + ": dropped " + (dropped - droppedReported)
                    + " datagram(s) because " + queueLimit + " were waiting to be parsed"
                    + " (hotline.sip.stack.udp-queue-limit)");
            droppedReported = dropped;
            lastDropReport = now;
        }
    }

    /** Logs the first failures of a run of them, then stays quiet until a datagram is read again. */
    private int report(Exception e, int failuresInARow) {
        if (failuresInARow < MAX_FAILURES_REPORTED) {
            LOG.log(Level.WARNING, "UDP receive on port " + getPort() + " failed; reading on"
                    + (failuresInARow == MAX_FAILURES_REPORTED - 1 ? " (further failures in a row not logged)" : ""),
                    e);
        }
        return failuresInARow + 1;
    }

    /** One of the stack's parsing threads, taking datagrams from this listener's queue as the stack's own do. */
    private static final class Worker extends UDPMessageChannel {
        Worker(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }

    /** The stack's flag, found once; if it cannot be, why not (and the stack's own listener is used). */
    private static final class UdpFlag {
        static final VarHandle HANDLE;
        static final String FAILURE;

        static {
            VarHandle handle = null;
            String failure = null;
            try {
                handle = MethodHandles.privateLookupIn(SIPTransactionStack.class, MethodHandles.lookup())
                        .findVarHandle(SIPTransactionStack.class, "udpFlag", boolean.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                failure = e.toString();
            }
            HANDLE = handle;
            FAILURE = failure;
        }
    }
}
