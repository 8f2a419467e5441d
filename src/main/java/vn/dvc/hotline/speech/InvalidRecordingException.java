package vn.dvc.hotline.speech;

/** An uploaded recording cannot be used (not a WAV file this service reads, empty, too long). Answered with 400. */
public class InvalidRecordingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordingException(String message) {
        super(message);
    }
}
