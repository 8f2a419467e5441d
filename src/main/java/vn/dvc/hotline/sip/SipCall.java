package vn.dvc.hotline.sip;

import io.vertx.core.Context;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One incoming call, as the rest of the service sees it.
 *
 * <p>Thread model: every method must be called on {@link #context()}, the event loop this call is
 * pinned to; the implementation holds no locks and checks nothing else. Calls made after the call
 * ended are ignored.
 */
public interface SipCall {

    /** The SIP Call-ID. */
    String callId();

    /** The event-loop context this call is pinned to; all of the call's events arrive there. */
    Context context();

    /** Where the INVITE came from (the trunk's signalling address). */
    InetSocketAddress remoteSignallingAddress();

    /** User part of the From URI (the caller's number), or empty if the From URI has none. */
    String fromUser();

    /** User part of the To URI (the number dialled), or empty. */
    String toUser();

    /** The caller's SDP offer; empty for a late offer (INVITE without SDP). */
    Optional<SdpSession> offer();

    /**
     * The negotiated codec and telephone-event type: known once {@link #answer} was called (or, for a
     * late offer, once the ACK brought the answer), updated by re-INVITEs.
     */
    Optional<NegotiatedMedia> negotiated();

    /**
     * Answers with 200 OK: our SDP answer (or our offer, for a late offer) with the public address and
     * this RTP port. Starts the ACK timeout and the maximum-duration timer.
     *
     * @param localRtpPort the RTP port media bound for this call, 1..65535
     * @throws IllegalStateException if already answered or rejected
     */
    void answer(int localRtpPort);

    /**
     * Refuses the call with a final error response; the listener is told {@link EndReason#REJECTED}.
     *
     * @param status 300..699
     * @throws IllegalStateException if already answered
     */
    void reject(int status);

    /**
     * Ends the call: BYE once answered, else a 480 final response. The listener is told
     * {@link EndReason#SERVICE_HANGUP}. Does nothing if the call already ended.
     */
    void hangUp();

    /** Sets the listener for this call's events; replaces any earlier one. */
    void setListener(SipCallListener listener);

    /** Whether the call has ended. */
    boolean isEnded();
}
