package vn.dvc.hotline.sip;

/** A session description that cannot be used: malformed, or without an audio stream. */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
