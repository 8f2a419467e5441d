package vn.dvc.hotline.speech;

/** A text could not be rendered: the engine is missing, failed, timed out, or produced no usable audio. */
public class SynthesisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SynthesisException(String message) {
        super(message);
    }

    public SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
