package vn.dvc.hotline.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audio part of a parsed session description: what a peer offered or answered.
 *
 * <p>Only the first {@code m=audio} line is kept; a telephone trunk sends one. Immutable; safe on any
 * thread.
 *
 * @param originSessionId the {@code o=} sess-id, as text (it may exceed a long)
 * @param originVersion the {@code o=} sess-version, as text
 * @param connectionAddress media-level {@code c=} address, else the session-level one (e.g. 192.0.2.1,
 *     {@code 0.0.0.0} for RFC 2543 hold)
 * @param audioPort the RTP port of the audio stream; 0 means the stream is rejected or disabled
 * @param payloadTypes the payload types in the peer's order of preference
 * @param telephoneEventPt payload type of {@code telephone-event/8000} (RFC 4733), or -1 if absent
 * @param direction media-level direction attribute, else session-level, else sendrecv
 * @param ptime the {@code a=ptime} in ms, or 0 if absent
 */
public record SdpSession(
        String originSessionId,
        String originVersion,
        String connectionAddress,
        int audioPort,
        List<PayloadType> payloadTypes,
        int telephoneEventPt,
        MediaDirection direction,
        int ptime) {

    public SdpSession {
        Objects.requireNonNull(connectionAddress, "connectionAddress");
        Objects.requireNonNull(direction, "direction");
        payloadTypes = List.copyOf(payloadTypes);
        originSessionId = originSessionId == null ? "" : originSessionId;
        originVersion = originVersion == null ? "" : originVersion;
    }

    /**
     * Whether the peer has put us on hold: it will not receive our audio (sendonly / inactive), or it
     * used the RFC 2543 convention {@code c=0.0.0.0}. Playback should stop while this is true.
     */
    public boolean isHold() {
        return !direction.peerReceives() || "0.0.0.0".equals(connectionAddress) || audioPort == 0;
    }

    /** The payload type with this number, if the media line lists it. */
    public Optional<PayloadType> payloadType(int number) {
        for (PayloadType pt : payloadTypes) {
            if (pt.number() == number) {
                return Optional.of(pt);
            }
        }
        return Optional.empty();
    }
}
