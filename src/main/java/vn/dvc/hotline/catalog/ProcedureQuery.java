package vn.dvc.hotline.catalog;

/**
 * A procedure search: free text (any case, with or without diacritics, words in any order) and optional filters.
 * {@code page} counts from 0.
 */
public record ProcedureQuery(String text, String fieldCode, String agencyCode, OnTheSpot onTheSpot, int page,
        int size) {

    public ProcedureQuery {
        if (page < 0) {
            throw new InvalidEntryException("page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw new InvalidEntryException("size", "must be between 1 and 100");
        }
        if (text != null && text.length() > 200) {
            throw new InvalidEntryException("q", "must be at most 200 characters");
        }
    }
}
