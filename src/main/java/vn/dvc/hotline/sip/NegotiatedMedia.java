package vn.dvc.hotline.sip;

/**
 * The outcome of an SDP offer/answer: what both sides will send.
 *
 * <p>Immutable; safe on any thread.
 *
 * @param codec the chosen audio payload type (PCMU 0 or PCMA 8)
 * @param telephoneEventPt the RFC 4733 telephone-event payload type both sides use, or -1 if the peer
 *     offered none (then DTMF can only come by SIP INFO or in-band)
 * @param ptime packetisation in ms (always 20: what we send)
 * @param remote the peer's session description (where to send RTP, hold state)
 */
public record NegotiatedMedia(PayloadType codec, int telephoneEventPt, int ptime, SdpSession remote) {
}
