package vn.dvc.hotline.catalog;

/** The outcome of an upsert: the stored entry and whether it was new (201) rather than replaced (200). */
public record Saved<T>(T entry, boolean created) {
}
