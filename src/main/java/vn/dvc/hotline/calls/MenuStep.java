package vn.dvc.hotline.calls;

import java.time.Instant;

/** One step of a caller's way through the menu: the node reached, the keys pressed, when. */
public record MenuStep(String node, String digits, Instant at) {
}
