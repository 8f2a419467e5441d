package vn.dvc.hotline.sip;

/** Why a call ended; told to {@link SipCallListener#onEnded} exactly once. */
public enum EndReason {
    /** The caller sent BYE. */
    CALLER_HANGUP,
    /** The service ended it with {@link SipCall#hangUp()} (e.g. the IVR finished, RTP inactivity). */
    SERVICE_HANGUP,
    /** The caller sent CANCEL before our final answer. */
    CANCELLED,
    /** No ACK for our 200 OK within {@code hotline.calls.ack-timeout}; we sent BYE. */
    ACK_TIMEOUT,
    /** {@code hotline.calls.max-duration} elapsed; we sent BYE. */
    MAX_DURATION,
    /** The call was refused with a final error response ({@link SipCall#reject(int)}, 488, 503 …). */
    REJECTED,
    /** A transport failure, a transaction timeout, or an unusable late-offer answer in the ACK. */
    ERROR
}
