package vn.dvc.hotline.catalog;

/** What is wrong with one field of an input, in words a portal developer can act on. */
public record Violation(String field, String message) {
}
