package vn.dvc.hotline.ivr;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects one keypad answer according to {@link DigitRules} and reports exactly one {@link DigitResult}.
 *
 * <p>Keys may arrive while the prompt is still playing (barge-in): they count at once. The first-digit
 * timer starts only when the owner says the prompt has finished ({@link #promptFinished()}), because a
 * caller cannot be expected to answer before the question ends; after each key the inter-digit timer
 * restarts. Silence after {@code minDigits} keys completes the answer, so a caller who forgets {@code #}
 * is not punished. Any DTMF key other than the terminator is collected as is: whether the answer makes
 * sense is the owner's decision.
 *
 * <p>Thread model: not thread-safe. Created, fed and timed out on the call's event loop only; the
 * {@link CallTimer} must run its tasks there too. The result callback runs synchronously inside
 * {@link #onKey(char)} or the timer task.
 */
public final class DigitCollector {

    private final DigitRules rules;
    private final CallTimer timer;
    private final Consumer<DigitResult> onResult;
    private final StringBuilder digits = new StringBuilder();
    private Cancellable pendingTimeout;
    private boolean finished;

    /**
     * @param rules    what to collect
     * @param timer    the call's timer
     * @param onResult receives the single result
     */
    public DigitCollector(DigitRules rules, CallTimer timer, Consumer<DigitResult> onResult) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
    }

    /** The prompt has finished playing: the caller now has {@code firstDigitTimeout} to start answering. */
    public void promptFinished() {
        if (!finished && digits.length() == 0 && pendingTimeout == null) {
            pendingTimeout = timer.schedule(rules.firstDigitTimeout(), this::onTimeout);
        }
    }

    /**
     * @param key a DTMF key ({@code 0-9 * # A-D})
     * @throws IllegalArgumentException if {@code key} is not a DTMF key
     */
    public void onKey(char key) {
        DtmfKeys.requireDtmf(key);
        if (finished) {
            return;
        }
        cancelTimeout();
        if (rules.terminator() != null && key == rules.terminator()) {
            finish(digits.length() >= rules.minDigits() ? DigitResult.Outcome.COMPLETE : DigitResult.Outcome.INCOMPLETE);
            return;
        }
        digits.append(key);
        if (digits.length() >= rules.maxDigits()) {
            finish(DigitResult.Outcome.COMPLETE);
        } else {
            pendingTimeout = timer.schedule(rules.interDigitTimeout(), this::onTimeout);
        }
    }

    /** Stops collecting without reporting anything, for example because the caller went back or hung up. */
    public void cancel() {
        finished = true;
        cancelTimeout();
    }

    /** @return whether a result has been reported or the collector was cancelled */
    public boolean isFinished() {
        return finished;
    }

    /** @return the keys collected so far */
    public String digits() {
        return digits.toString();
    }

    private void onTimeout() {
        pendingTimeout = null;
        if (finished) {
            return;
        }
        if (digits.length() == 0) {
            finish(DigitResult.Outcome.TIMEOUT);
        } else {
            finish(digits.length() >= rules.minDigits() ? DigitResult.Outcome.COMPLETE : DigitResult.Outcome.INCOMPLETE);
        }
    }

    private void finish(DigitResult.Outcome outcome) {
        finished = true;
        cancelTimeout();
        onResult.accept(new DigitResult(outcome, digits.toString()));
    }

    private void cancelTimeout() {
        if (pendingTimeout != null) {
            pendingTimeout.cancel();
            pendingTimeout = null;
        }
    }
}
