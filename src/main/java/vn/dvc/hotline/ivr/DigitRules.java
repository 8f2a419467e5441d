package vn.dvc.hotline.ivr;

import java.time.Duration;

/**
 * How one keypad answer is collected: how many keys, which key ends the answer early, how long to wait.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param minDigits          fewest keys that make a complete answer, at least 1
 * @param maxDigits          the answer completes as soon as this many keys have been pressed
 * @param terminator         key that ends the answer before {@code maxDigits} (usually {@code #}), not
 *                           collected itself; {@code null} for none. Not a digit and not {@code *},
 *                           which always means "back"
 * @param firstDigitTimeout  silence allowed after the prompt has finished before the first key
 * @param interDigitTimeout  silence allowed between two keys
 */
public record DigitRules(int minDigits, int maxDigits, Character terminator, Duration firstDigitTimeout,
        Duration interDigitTimeout) {

    /** Wait for the first key after a prompt, unless configured otherwise. */
    public static final Duration DEFAULT_FIRST_DIGIT_TIMEOUT = Duration.ofSeconds(5);

    /** Wait between keys, unless configured otherwise. */
    public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(3);

    /** Longest answer accepted; dossier codes in keypad form are well below it. */
    public static final int MAX_DIGITS_LIMIT = 64;

    /** Validates every component. */
    public DigitRules {
        if (minDigits < 1) {
            throw new IllegalArgumentException("minDigits must be at least 1, was " + minDigits);
        }
        if (maxDigits < minDigits || maxDigits > MAX_DIGITS_LIMIT) {
            throw new IllegalArgumentException("maxDigits must be between minDigits (" + minDigits + ") and "
                    + MAX_DIGITS_LIMIT + ", was " + maxDigits);
        }
        if (terminator != null && (!DtmfKeys.isDtmf(terminator) || Character.isDigit(terminator) || terminator == '*')) {
            throw new IllegalArgumentException("terminator must be #, A, B, C, D or null (no terminator), was '"
                    + terminator + "'; * is reserved for \"back\"");
        }
        requirePositive(firstDigitTimeout, "firstDigitTimeout");
        requirePositive(interDigitTimeout, "interDigitTimeout");
    }

    /** @return one key, no terminator, default timeouts: a menu choice */
    public static DigitRules singleKey() {
        return digits(1, 1);
    }

    /** @return between {@code min} and {@code max} keys, no terminator, default timeouts */
    public static DigitRules digits(int min, int max) {
        return new DigitRules(min, max, null, DEFAULT_FIRST_DIGIT_TIMEOUT, DEFAULT_INTER_DIGIT_TIMEOUT);
    }

    /** @return these rules with {@code key} (usually {@code #}) ending the answer early */
    public DigitRules terminatedBy(char key) {
        return new DigitRules(minDigits, maxDigits, key, firstDigitTimeout, interDigitTimeout);
    }

    /** @return these rules with other timeouts */
    public DigitRules withTimeouts(Duration firstDigit, Duration interDigit) {
        return new DigitRules(minDigits, maxDigits, terminator, firstDigit, interDigit);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
