package vn.dvc.hotline.ivr;

import java.time.Duration;

/**
 * Tunables of the call flow, shared by all calls. The configuration layer maps its keys onto this.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param maxRetries        how many times one question is asked again after a failure (unknown key,
 *                          too few keys, silence), each time after {@link SystemPrompt#NOT_UNDERSTOOD}; the
 *                          next failure plays {@link SystemPrompt#GOODBYE} and hangs up. 0 means no retry.
 * @param firstDigitTimeout silence allowed after a prompt before the first key
 * @param interDigitTimeout silence allowed between two keys
 */
public record IvrSettings(int maxRetries, Duration firstDigitTimeout, Duration interDigitTimeout) {

    /** Validates every component. */
    public IvrSettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        // DigitRules checks the timeouts; building one here fails fast at configuration time.
        DigitRules.singleKey().withTimeouts(firstDigitTimeout, interDigitTimeout);
    }

    /** @return 3 retries, 5 s before the first key, 3 s between keys */
    public static IvrSettings defaults() {
        return new IvrSettings(3, DigitRules.DEFAULT_FIRST_DIGIT_TIMEOUT, DigitRules.DEFAULT_INTER_DIGIT_TIMEOUT);
    }

    /** @return rules for {@code min} to {@code max} keys, no terminator, with these timeouts */
    public DigitRules digits(int min, int max) {
        return DigitRules.digits(min, max).withTimeouts(firstDigitTimeout, interDigitTimeout);
    }
}
