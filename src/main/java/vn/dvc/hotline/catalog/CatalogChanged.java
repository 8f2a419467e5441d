package vn.dvc.hotline.catalog;

/**
 * A CDI event fired after a catalogue write has committed (REST, seed), so that what depends on the catalogue (the
 * spoken scripts and their audio) can follow. Observers must not block: the event is fired synchronously on the
 * writer's thread, which may be an event loop.
 *
 * @param kind what changed
 * @param code the code (a date for holidays) of the entry that changed
 */
public record CatalogChanged(Kind kind, String code) {

    /** The kinds of catalogue entry. */
    public enum Kind {
        PROCEDURE, AGENCY, FIELD, HOLIDAY
    }
}
