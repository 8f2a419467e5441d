package vn.dvc.hotline.catalog;

/** The addressed entry does not exist. Answered with 404. */
public class NoSuchEntryException extends RuntimeException {
    public NoSuchEntryException(String what, Object key) {
        super("No " + what + " with code " + key);
    }
}
