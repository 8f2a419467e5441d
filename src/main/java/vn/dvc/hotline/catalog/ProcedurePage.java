package vn.dvc.hotline.catalog;

import java.util.List;

/** One page of search results, best match first, and how many procedures matched in all. */
public record ProcedurePage(List<Procedure> items, long total, int page, int size) {
}
