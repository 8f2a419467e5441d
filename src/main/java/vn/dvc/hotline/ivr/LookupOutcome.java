package vn.dvc.hotline.ivr;

/** How a dossier lookup by phone ended, as the call record keeps it. */
public enum LookupOutcome {
    /** The dossier was found and its status read to the caller. */
    FOUND,
    /** Unknown code or wrong verifier: deliberately one outcome. */
    NOT_FOUND,
    /** Too many failed lookups from this caller or for this code: not looked up. */
    THROTTLED
}
