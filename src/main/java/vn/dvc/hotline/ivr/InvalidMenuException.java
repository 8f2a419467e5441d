package vn.dvc.hotline.ivr;

import java.util.List;

/**
 * Thrown when a {@link MenuTree} is built from nodes that break the rules of {@link MenuValidator}.
 * Carries every violation, not just the first, so one round trip shows the editor all mistakes.
 */
public final class InvalidMenuException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<MenuViolation> violations;

    /**
     * @param violations at least one violation
     */
    public InvalidMenuException(List<MenuViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** @return every violation found, in the order of the submitted nodes */
    public List<MenuViolation> violations() {
        return violations;
    }

    private static String summary(List<MenuViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid menu needs at least one violation");
        }
        StringBuilder text = new StringBuilder("invalid IVR menu: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(violations.get(i));
        }
        return text.toString();
    }
}
