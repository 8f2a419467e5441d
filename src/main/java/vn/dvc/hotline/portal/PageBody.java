package vn.dvc.hotline.portal;

import java.util.List;

/** One page of a list: the items, how many there are in all, the page (from 0) and its size. */
public record PageBody<T>(List<T> items, long total, int page, int size) {
}
