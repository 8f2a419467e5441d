package vn.dvc.hotline.catalog;

/** The change clashes with stored data (a duplicate code or keypad number, an entry still referenced). 409. */
public class ConflictingEntryException extends RuntimeException {
    public ConflictingEntryException(String message) {
        super(message);
    }
}
