package vn.dvc.hotline.catalog;

/** One required document of a procedure: its name, how many copies, and the form (mẫu) it follows, if any. */
public record ProcedureDocument(String name, Integer copies, String form) {
}
