package vn.dvc.hotline.sip;

/**
 * Events of one call, all delivered on the call's event-loop context ({@link SipCall#context()}),
 * never after {@link #onEnded}. Implementations must not block. Default methods do nothing.
 */
public interface SipCallListener {

    /**
     * The ACK for our 200 OK arrived: the call is established.
     *
     * @param remoteMedia the caller's media description (for a late offer, the answer in the ACK)
     */
    default void onConfirmed(SdpSession remoteMedia) {
    }

    /**
     * A re-INVITE changed the caller's media: hold ({@link SdpSession#isHold()}: sendonly, inactive or
     * c=0.0.0.0, so stop playback), unhold (resume), or a new address, port or codec.
     *
     * @param remoteMedia the caller's new description; {@link SipCall#negotiated()} is updated first
     */
    default void onMediaChanged(SdpSession remoteMedia) {
    }

    /**
     * A DTMF digit came by SIP INFO (application/dtmf-relay or application/dtmf).
     *
     * @param digit one of {@code 0-9 * # A-D}
     */
    default void onDtmf(char digit) {
    }

    /**
     * The call ended; called exactly once, and nothing is called after it.
     *
     * @param reason why
     */
    default void onEnded(EndReason reason) {
    }
}
