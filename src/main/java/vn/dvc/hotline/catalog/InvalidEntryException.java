package vn.dvc.hotline.catalog;

import java.util.List;

/** An input that is well-formed but wrong: an unknown reference, a clash with a rule. Answered with 400. */
public class InvalidEntryException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidEntryException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidEntryException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
