package vn.dvc.hotline.sip;

import java.util.Locale;

/**
 * The SDP media direction attribute (RFC 4566 §6, RFC 3264 §6.1), seen from the side that wrote it.
 *
 * <p>Immutable; safe on any thread.
 */
public enum MediaDirection {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /** The direction an answerer writes for this offered direction (RFC 3264 §6.1). */
    public MediaDirection answerTo() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
            case SENDRECV -> SENDRECV;
        };
    }

    /** Whether the writer of this direction wants to receive audio from us (false means: stop playing). */
    public boolean peerReceives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The attribute name as written in SDP, e.g. {@code sendrecv}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
