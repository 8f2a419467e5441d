package vn.dvc.hotline.ivr;

/** Why the IVR asked to end a call. A hang-up by the caller is reported to the flow, not by it. */
public enum EndReason {

    /** The caller reached a {@link NodeKind#HANGUP} node, or a voice service ended the call. */
    COMPLETED,

    /** The caller gave no usable answer to the same question after every retry. */
    NO_VALID_INPUT
}
