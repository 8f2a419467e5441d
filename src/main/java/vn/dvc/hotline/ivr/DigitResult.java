package vn.dvc.hotline.ivr;

/**
 * How a {@link DigitCollector} ended.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param outcome what happened
 * @param digits  the keys collected, without the terminator; empty for {@link Outcome#TIMEOUT}
 */
public record DigitResult(Outcome outcome, String digits) {

    /** How a collection ended. */
    public enum Outcome {
        /** Enough keys: {@code maxDigits} reached, the terminator pressed, or silence after {@code minDigits}. */
        COMPLETE,
        /** No key at all before the first-digit timeout. */
        TIMEOUT,
        /** Fewer than {@code minDigits} keys when the terminator was pressed or the inter-digit timeout passed. */
        INCOMPLETE
    }

    /** Validates that the digits agree with the outcome. */
    public DigitResult {
        if (outcome == null || digits == null) {
            throw new IllegalArgumentException("outcome and digits are required");
        }
        if (outcome == Outcome.TIMEOUT && !digits.isEmpty()) {
            throw new IllegalArgumentException("a TIMEOUT has no digits, got '" + digits + "'");
        }
    }

    /** @return whether the answer is usable */
    public boolean isComplete() {
        return outcome == Outcome.COMPLETE;
    }
}
