package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The RTP media of one call: its place on an {@link RtpSocket} (its own, or its event loop's shared one,
 * per {@code hotline.rtp.socket-layout}), the outgoing G.711 stream paced by the event loop's
 * {@link RtpPacer}, and the caller's packets turned into digits.
 *
 * <h2>Sending (RFC 3550, RFC 3551)</h2>
 * One SSRC per call, kept across re-INVITEs; sequence +1 per packet; timestamp +160 per 20 ms frame, also
 * over frames not sent (hold, frames skipped by the pacer). From {@link #start} on, a frame goes out every
 * 20 ms: the current prompt's next frame, or the law's silence byte between prompts, so the stream stays
 * continuous. The marker bit is set on the first packet, on the first packet of every {@link #play} (a
 * prompt change, including barge-in), and on the first packet after a gap (hold, skipped frames). The clips
 * of one {@code play} form one prompt: no marker between them. Packets go to the address of the SDP.
 *
 * <h2>Receiving: strict source</h2>
 * Only packets whose source IP <em>and port</em> equal the SDP's address are accepted; all others are
 * dropped and counted (in {@link #packetsDropped()} on a call's own socket, by the shared socket
 * otherwise, which cannot tell whose they were). When several calls of one shared socket signalled the
 * same address and port, the caller's SSRC tells them apart (see {@link RtpSocket}). A trunk behind NAT that signals one address and
 * sends from another is thus refused: trunks send media from the address they signal, and accepting any
 * port of that IP would let anyone on the trunk's host inject digits. Latching is therefore only the
 * confirmation that the caller's media arrives ({@link #latched()}); it never moves where we send or whom
 * we accept, which changes only with {@link #update}. Valid packets are counted, restart the inactivity
 * clock, and carry DTMF: RFC 4733 telephone-event when the offer had it (each press reported once, see
 * {@link TelephoneEventDecoder}), else in-band tones in the negotiated law ({@link GoertzelDtmfDetector},
 * every whole 160-byte frame of the payload). Malformed packets are counted in {@link #packetsMalformed()}
 * and dropped; nothing received throws.
 *
 * <h2>Barge-in</h2>
 * The session does not stop a prompt by itself when a digit arrives: the digit listener decides (some
 * prompts may not be interruptible). Calling {@link #play} or {@link #stopPlayback} from it takes effect on
 * the very next frame sent.
 *
 * <h2>Thread model</h2>
 * A session belongs to the event-loop context it was opened on (the call's): its socket is registered on
 * that context's event loop, so received packets are handled on that thread (the digit listener then runs
 * with the call's context current), and every method must be called on that event loop's thread
 * (from the call's context or a context duplicated from it), except {@link #close()}, which hops there
 * from any thread. No locks. The pacer calls {@link #pace} on the same thread; it never runs a listener
 * inline: {@code onFinished} and the inactivity listener are posted to the call's context, and the digit
 * listener runs in the receive handler, on that context. The counters are plain fields: read them on the
 * call's context (from elsewhere they may be stale).
 *
 * <h2>Cost per packet</h2>
 * Each session owns one 172-byte pooled direct buffer and one envelope naming the caller's address,
 * made at open and at each re-INVITE: per packet the header is written in place, the frame copied from
 * the pre-encoded clip, and the buffer retained once and written with the void promise; the transport
 * releases it when sent, so the next tick finds it free. A catch-up burst (several frames in one tick)
 * takes an extra pooled buffer for the frames after the first; a socket whose queue is over Netty's
 * high-water mark is backed up, and its frames are skipped rather than queued without bound. The pacer flushes once per tick. Receiving, the packet is
 * parsed in the transport's pooled buffer; parsing and DTMF detection allocate nothing. Nothing is logged
 * per packet.
 */
public final class RtpSession {

    /** Telephone-event payload type meaning "none negotiated": DTMF is then detected in-band. */
    public static final int NO_TELEPHONE_EVENT = -1;

    static final int PACKET_LENGTH = RtpPacket.HEADER_LENGTH + EncodedClip.FRAME_BYTES;

    private static final EncodedClip SILENCE = EncodedClip.silence(1);
    private static final EncodedClip[] NO_CLIPS = new EncodedClip[0];

    private final Vertx vertx;
    private final ContextInternal context;
    private final Thread thread;
    private final RtpSocket socket;
    private final int localPort;
    /** The packet buffer, written in place for every frame; the transport holds one reference in flight. */
    private final ByteBuf packet;
    /** The packet addressed to the caller; replaced when the address changes. */
    private DatagramPacket envelope;
    private final long inactivityNanos;
    private final RtpSendState send;
    private final TelephoneEventDecoder telephoneEvents = new TelephoneEventDecoder();
    /** Created on first need: most trunks send RFC 4733, and the detector holds 1.3 KB of work arrays. */
    private GoertzelDtmfDetector inBand;

    private RtpPacer pacer;
    /** Index in the pacer's array, maintained by the pacer; -1 when not paced. */
    int pacerIndex = -1;
    /** Which half of its pacer's frame the session sends in; -1 when not paced. */
    int pacerHalf = -1;

    private InetSocketAddress remote;
    /** {@link #remote}'s address as the socket's batch sender takes it, made once per remote. */
    private byte[] remoteBytes;
    private Law law;
    private int telephoneEventPt = NO_TELEPHONE_EVENT;

    private boolean started;
    private boolean held;
    private boolean closed;
    private boolean latched;

    private EncodedClip[] clips = NO_CLIPS;
    private int clipIndex;
    private int frameIndex;
    private Runnable onFinished;
    /** Bumped by play, stopPlayback and close, so that a posted onFinished of a replaced prompt is dropped. */
    private int playGeneration;
    private Runnable finishedPending;
    private int finishedGeneration;
    private final Handler<Void> finishedTask = v -> runFinished();

    private Consumer<Character> digitListener;
    private Runnable inactiveListener;
    private long lastHeardNanos;
    private boolean inactiveReported;
    private final Handler<Void> inactiveTask = v -> runInactive();

    private boolean ssrcSeen;
    private int lastSsrc;

    private long packetsSent;
    private long packetsReceived;
    private long packetsDropped;
    private long packetsMalformed;
    private long lateTicks;
    private long sendFailures;
    private long framesBackedUp;

    private RtpSession(Vertx vertx, ContextInternal context, RtpSocket socket, RtpConfig config) {
        this.vertx = vertx;
        this.context = context;
        this.thread = Thread.currentThread();
        this.socket = socket;
        this.localPort = socket.port();
        this.inactivityNanos = config.inactivityTimeout().toNanos();
        // RFC 3550 §5.1: random SSRC, first sequence and timestamp. ThreadLocalRandom takes no lock on the
        // loop; the strict source rule, not unpredictability, is what keeps foreign packets out.
        this.send = RtpSendState.random(ThreadLocalRandom.current());
        this.packet = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET_LENGTH, PACKET_LENGTH);
    }

    /**
     * Opens the media of a call on the current context, which must be the call's event-loop context: with
     * {@code hotline.rtp.socket-layout=per-call} binds an even port of its own from the pool (a port that
     * fails to bind goes back to the end of the pool's queue and the next one is tried, up to 8 times);
     * with {@code per-event-loop} joins the loop's shared socket, bound on the loop's first call. The future
     * completes on that context.
     *
     * @return the session, or a failure if not on an event-loop context, if every port is in use, or if no
     *     port could be bound
     */
    public static Future<RtpSession> open(Vertx vertx, RtpPortPool ports, RtpConfig config) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext()) {
            return Future.failedFuture(new IllegalStateException(
                    "RtpSession.open must be called on the call's event-loop context"));
        }
        ContextInternal context = (ContextInternal) current;
        return RtpSocket.forSession((VertxInternal) vertx, context, ports, config)
                .map(socket -> new RtpSession(vertx, context, socket, config));
    }

    /** A session on a given socket, on the current (event-loop) context's thread: for benchmarks. */
    static RtpSession on(Vertx vertx, ContextInternal context, RtpSocket socket, RtpConfig config) {
        return new RtpSession(vertx, context, socket, config);
    }

    /** The even port of the call's socket: the {@code m=audio} port of our SDP (shared by the loop's calls
     * with {@code per-event-loop}). */
    public int localPort() {
        return localPort;
    }

    /**
     * Sets the remote media from the SDP and starts the stream: silence frames until {@link #play}, from
     * the loop's next 20 ms deadline on. Starts the inactivity clock.
     *
     * @param remote where to send, also the only accepted source; must be resolved (an IP address)
     * @param law the negotiated codec
     * @param telephoneEventPt the RFC 4733 payload type, 96..127 dynamic or any 0..127, or
     *     {@link #NO_TELEPHONE_EVENT} for in-band detection
     * @throws IllegalStateException if already started or closed, or off the call's event loop
     * @throws IllegalArgumentException for an unresolved address, a null law or a payload type out of range
     */
    public void start(InetSocketAddress remote, Law law, int telephoneEventPt) {
        checkThread("start");
        if (closed) {
            throw new IllegalStateException("RTP session on port " + localPort + " is closed");
        }
        if (started) {
            throw new IllegalStateException("RTP session already started; use update() for a re-INVITE");
        }
        setRemote(remote, law, telephoneEventPt);
        started = true;
        socket.addRoute(this.remote, this);
        lastHeardNanos = System.nanoTime();
        pacer = RtpPacer.join(vertx, this);
    }

    /**
     * A re-INVITE's new remote media: address, law and telephone-event type change, the SSRC, sequence and
     * timestamp continue. The strict source becomes the new address (not latched until its first packet);
     * if the telephone-event type changed, DTMF state starts afresh. The next packet carries the marker.
     *
     * @throws IllegalStateException if not started or closed, or off the call's event loop
     */
    public void update(InetSocketAddress remote, Law law, int telephoneEventPt) {
        checkThread("update");
        if (!started || closed) {
            throw new IllegalStateException("update() needs a started, open session");
        }
        int previousPt = this.telephoneEventPt;
        socket.removeRoute(this.remote, this);
        setRemote(remote, law, telephoneEventPt);
        socket.addRoute(this.remote, this);
        if (previousPt != telephoneEventPt) {
            telephoneEvents.reset();
            if (inBand != null) {
                inBand.reset();
            }
        }
        send.startTalkspurt();
    }

    private void setRemote(InetSocketAddress remote, Law law, int telephoneEventPt) {
        if (remote == null || remote.isUnresolved() || remote.getAddress() == null) {
            throw new IllegalArgumentException("remote media address must be a resolved IP address, was " + remote);
        }
        if (remote.getPort() < 1) {
            throw new IllegalArgumentException("remote media port must be 1..65535, was " + remote.getPort());
        }
        if (law == null) {
            throw new IllegalArgumentException("law must not be null");
        }
        if (telephoneEventPt < NO_TELEPHONE_EVENT || telephoneEventPt > RtpPacket.MAX_PAYLOAD_TYPE) {
            throw new IllegalArgumentException("telephone-event payload type must be 0..127 or -1, was "
                    + telephoneEventPt);
        }
        if (!remote.equals(this.remote)) {
            // a new caller address: the SSRC it sends with is learnt afresh
            ssrcSeen = false;
        }
        this.remote = remote;
        this.remoteBytes = BatchSender.addressBytes(remote.getAddress());
        this.envelope = new DatagramPacket(packet, remote);
        this.law = law;
        this.telephoneEventPt = telephoneEventPt;
        this.latched = false;
        if (telephoneEventPt == NO_TELEPHONE_EVENT && inBand == null) {
            inBand = new GoertzelDtmfDetector();
        }
    }

    /**
     * Plays the clips one after the other as one prompt, replacing whatever is playing: the next frame
     * sent is the first frame of the first clip, with the marker bit. {@code onFinished} is posted to the
     * call's context once the last frame has been sent; never if the prompt is replaced, stopped or the
     * session closed first. While held, the prompt waits (see {@link #hold}).
     *
     * @param clips the clips, in order; empty clips are passed over, and with no frame at all
     *     {@code onFinished} is posted at once
     * @param onFinished may be null
     */
    public void play(List<EncodedClip> clips, Runnable onFinished) {
        checkThread("play");
        if (clips == null) {
            throw new IllegalArgumentException("clips must not be null (use stopPlayback for silence)");
        }
        playGeneration++;
        finishedPending = null;
        EncodedClip[] array = clips.toArray(NO_CLIPS);
        int first = 0;
        while (first < array.length && array[first].frameCount() == 0) {
            first++;
        }
        if (first == array.length) {
            this.clips = NO_CLIPS;
            this.onFinished = null;
            if (onFinished != null && !closed) {
                postFinished(onFinished);
            }
            return;
        }
        this.clips = array;
        this.clipIndex = first;
        this.frameIndex = 0;
        this.onFinished = onFinished;
        send.startTalkspurt();
    }

    /** Stops the prompt; silence frames continue and its {@code onFinished} will not run. */
    public void stopPlayback() {
        checkThread("stopPlayback");
        playGeneration++;
        finishedPending = null;
        clips = NO_CLIPS;
        onFinished = null;
    }

    /**
     * Hold (re-INVITE {@code sendonly}/{@code inactive}): while held, nothing is sent, the prompt stays
     * where it is, the RTP timestamp keeps time, and inactivity is not checked (a held caller may send
     * nothing). Unhold resumes the stream, and the paused prompt, with the marker bit; the inactivity
     * clock restarts.
     */
    public void hold(boolean held) {
        checkThread("hold");
        if (this.held == held) {
            return;
        }
        this.held = held;
        if (!held) {
            send.startTalkspurt();
            lastHeardNanos = System.nanoTime();
            inactiveReported = false;
        }
    }

    /** Receives each key press once (RFC 4733 or in-band), on the call's context; replaces any previous one. */
    public void onDigit(Consumer<Character> listener) {
        checkThread("onDigit");
        this.digitListener = listener;
    }

    /**
     * Runs once, on the call's context, when no valid packet has come from the caller for
     * {@code hotline.rtp.inactivity-timeout} since {@link #start} (or the last packet, or unhold); it runs
     * again only after packets have flowed and stopped again. Checked on the pacer's ticks, so it fires
     * within 20 ms of the timeout.
     */
    public void onInactive(Runnable listener) {
        checkThread("onInactive");
        this.inactiveListener = listener;
    }

    /** RTP packets sent. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Valid RTP packets received from the caller's address (dropped ones not included). */
    public long packetsReceived() {
        return packetsReceived;
    }

    /**
     * Packets dropped because they came from another address or port than the SDP's, or before start: on
     * a call's own socket; a shared socket counts those itself, since they belong to no call.
     */
    public long packetsDropped() {
        return packetsDropped + (socket.isShared() ? 0 : socket.packetsFromUnknownSources());
    }

    /** Packets from the caller's address that were not valid RTP. */
    public long packetsMalformed() {
        return packetsMalformed;
    }

    /** Pacer ticks in which this session's frames left more than 10 ms after their deadline. */
    public long lateTicks() {
        return lateTicks;
    }

    /**
     * Frames not sent: the transport failed them, or the previous packet was still queued in a backed-up
     * socket when the next was due.
     */
    public long sendFailures() {
        return sendFailures + framesBackedUp;
    }

    /** Whether a valid packet has come from the SDP's address since start or the last update. */
    public boolean latched() {
        return latched;
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /** The SSRC of the outgoing stream. */
    public int ssrc() {
        return send.ssrc();
    }

    /** {@code "rfc4733"} when a telephone-event type was negotiated, else {@code "inband"}. */
    public String dtmfMode() {
        return telephoneEventPt >= 0 ? "rfc4733" : "inband";
    }

    /** The pacer of this session's loop while started; null otherwise. */
    RtpPacer pacer() {
        return pacer;
    }

    /** The socket the session sends and receives on (its own, or its loop's shared one). */
    RtpSocket socket() {
        return socket;
    }

    /** The context the session belongs to: the call's. */
    public Context context() {
        return context;
    }

    /**
     * Stops sending and receiving; a call's own socket is closed and its port given back once closed. Idempotent; from
     * another thread it hops to the call's context. Pending {@code onFinished} and inactivity callbacks are
     * dropped.
     */
    public void close() {
        if (Thread.currentThread() != thread) {
            context.runOnContext(v -> close());
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        playGeneration++;
        finishedPending = null;
        clips = NO_CLIPS;
        onFinished = null;
        digitListener = null;
        inactiveListener = null;
        if (pacer != null) {
            pacer.leave(this);
            pacer = null;
        }
        if (started) {
            socket.removeRoute(remote, this);
        }
        if (!socket.isShared()) {
            socket.close();
        }
        packet.release(); // a packet still in flight keeps the buffer until the transport is done with it
    }

    // ---- pacer side -------------------------------------------------------------------------------

    /**
     * Called by the pacer on each tick: skips {@code skip} frames, then sends {@code due} frames, and checks
     * inactivity. Runs no listener inline.
     */
    void pace(long now, int due, int skip, boolean late) {
        if (late) {
            lateTicks++;
        }
        if (held) {
            send.framesSkipped(skip + due);
            return;
        }
        if (skip > 0) {
            send.framesSkipped(skip);
        }
        for (int i = 0; i < due; i++) {
            sendFrame();
        }
        if (!inactiveReported && inactiveListener != null && now - lastHeardNanos >= inactivityNanos) {
            inactiveReported = true;
            context.runOnContext(inactiveTask);
        }
    }

    private void sendFrame() {
        ByteBuf buf = packet;
        DatagramPacket datagram = envelope;
        if (packet.refCnt() == 1) {
            packet.retain(); // the transport's reference, released when the datagram is written
        } else if (socket.isWritable()) {
            // a catch-up burst: this tick's previous frame is still queued; this one gets a buffer of its own
            buf = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET_LENGTH, PACKET_LENGTH);
            datagram = new DatagramPacket(buf, remote);
        } else {
            // the socket is backed up: skip the frame rather than queue without bound
            framesBackedUp++;
            send.framesSkipped(1);
            return;
        }
        send.writeNextHeader(buf, 0, law.payloadType());
        if (clips.length > 0) {
            clips[clipIndex].copyFrame(law, frameIndex, buf, RtpPacket.HEADER_LENGTH);
            advance();
        } else {
            SILENCE.copyFrame(law, 0, buf, RtpPacket.HEADER_LENGTH);
        }
        buf.setIndex(0, PACKET_LENGTH);
        if (socket.write(datagram, remoteBytes)) {
            pacer.flushAfterTick(socket);
        }
        packetsSent++;
    }

    private void advance() {
        frameIndex++;
        if (frameIndex < clips[clipIndex].frameCount()) {
            return;
        }
        frameIndex = 0;
        do {
            clipIndex++;
        } while (clipIndex < clips.length && clips[clipIndex].frameCount() == 0);
        if (clipIndex == clips.length) {
            clips = NO_CLIPS;
            Runnable done = onFinished;
            onFinished = null;
            if (done != null) {
                postFinished(done);
            }
        }
    }

    private void postFinished(Runnable done) {
        finishedPending = done;
        finishedGeneration = playGeneration;
        context.runOnContext(finishedTask);
    }

    private void runFinished() {
        Runnable done = finishedPending;
        if (done == null || closed || finishedGeneration != playGeneration) {
            return;
        }
        finishedPending = null;
        done.run();
    }

    private void runInactive() {
        Runnable listener = inactiveListener;
        if (listener != null && inactiveReported && !closed && !held) {
            listener.run();
        }
    }

    // ---- receive side -----------------------------------------------------------------------------

    /** Whether a caller SSRC has been heard since start or the last change of address. */
    boolean hasCallerSsrc() {
        return ssrcSeen;
    }

    /** The caller's last SSRC; meaningful when {@link #hasCallerSsrc()}. */
    int callerSsrc() {
        return lastSsrc;
    }

    /**
     * One packet from the caller's address, in the transport's buffer (readable bytes; valid during the
     * call only). Called by the socket on this session's event loop.
     */
    void receive(ByteBuf buf) {
        if (closed || !started) {
            packetsDropped++;
            RtpDrop.OUTSIDE_CALL.addOne();
            return;
        }
        char digit;
        try {
            if (!RtpPacket.isValid(buf)) {
                dropMalformed();
                return;
            }
            packetsReceived++;
            latched = true;
            lastHeardNanos = System.nanoTime();
            inactiveReported = false;
            digit = detectDigit(buf);
        } catch (RuntimeException garbage) {
            dropMalformed();
            return;
        }
        if (digit != DtmfEvent.NONE && digitListener != null) {
            // the socket's handler runs on the loop's thread but outside any Vert.x context: make the
            // call's current, as a Vert.x handler would have it, for what the listener starts
            ContextInternal previous = context.beginDispatch();
            try {
                digitListener.accept(digit);
            } finally {
                context.endDispatch(previous);
            }
        }
    }

    private void dropMalformed() {
        packetsMalformed++;
        RtpDrop.MALFORMED.addOne();
    }

    private char detectDigit(ByteBuf buf) {
        int ssrc = RtpPacket.ssrc(buf);
        if (ssrcSeen && ssrc != lastSsrc) {
            // A new sender (the trunk restarted its stream): its timestamps start afresh.
            telephoneEvents.reset();
            if (inBand != null) {
                inBand.reset();
            }
        }
        ssrcSeen = true;
        lastSsrc = ssrc;
        int payloadType = RtpPacket.payloadType(buf);
        int offset = RtpPacket.payloadOffset(buf);
        int length = RtpPacket.payloadLength(buf);
        if (telephoneEventPt >= 0) {
            if (payloadType == telephoneEventPt) {
                return telephoneEvents.onPacket(RtpPacket.marker(buf), RtpPacket.timestamp(buf), buf, offset,
                        length);
            }
            return DtmfEvent.NONE;
        }
        if (payloadType != law.payloadType()) {
            return DtmfEvent.NONE; // comfort noise or an unexpected codec: nothing to listen to
        }
        char digit = DtmfEvent.NONE;
        for (int frame = 0; frame + EncodedClip.FRAME_BYTES <= length; frame += EncodedClip.FRAME_BYTES) {
            char found = inBand.processFrame(buf, offset + frame, law);
            if (found != DtmfEvent.NONE) {
                digit = found;
            }
        }
        return digit;
    }

    private void checkThread(String method) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("RtpSession." + method + " must be called on the call's event loop ("
                    + thread.getName() + "), not on " + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "RtpSession[port " + localPort + " -> " + remote + ", " + law + ", " + dtmfMode() + "]";
    }
}
