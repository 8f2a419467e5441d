package vn.dvc.hotline.speech;

import java.util.Objects;

/**
 * Reads numbers as Vietnamese words, following the spoken rules rather than a digit-for-word
 * substitution.
 *
 * <h2>Cardinals</h2>
 * Digits are read in groups of three; each group is "x trăm y mươi z" with these rules:
 * <ul>
 *   <li>10 is "mười", 20–90 are "hai mươi" … "chín mươi";</li>
 *   <li>1 after "mươi" is "mốt" (21 hai mươi mốt), but "một" after "mười" (11) and after an empty
 *       tens place (101);</li>
 *   <li>5 after "mười"/"mươi" is "lăm" (15 mười lăm, 25 hai mươi lăm), but "năm" after an empty tens
 *       place (105);</li>
 *   <li>4 after "mươi" is {@link Region#fourAfterTens()} (24 hai mươi tư), "bốn" elsewhere
 *       (14 mười bốn);</li>
 *   <li>an empty tens place before a units digit is {@link Region#zeroTens()} (105 một trăm linh
 *       năm / lẻ năm);</li>
 *   <li>a group that follows a higher, spoken group is read in full, with "không trăm" when its
 *       hundreds are empty (2026 hai nghìn không trăm hai mươi sáu): without it the listener
 *       cannot tell 2026 from 2000 + "hai mươi sáu" said as an afterthought;</li>
 *   <li>a group that is all zeros is skipped, scale word and all: 1 000 001 is "một triệu không trăm
 *       linh một", never "một triệu không nghìn không trăm linh một". This is how amounts are read
 *       on Vietnamese cheques and invoices; the "không trăm" on the last group already tells the
 *       listener that something was skipped;</li>
 *   <li>scales are {@link Region#thousand()}, "triệu", "tỷ"; above 999 tỷ the count of tỷ is itself
 *       read as a number ("một nghìn tỷ", "hai triệu tỷ").</li>
 * </ul>
 *
 * <h2>Decimals</h2>
 * The decimal comma is "phẩy". The fractional part is read as a number when it has at most three
 * digits, as people say it ("2,5" hai phẩy năm, "0,25" không phẩy hai mươi lăm); its leading zeros
 * are each read "không" ("2,05" hai phẩy không năm); longer fractions are read digit by digit.
 *
 * <p>Immutable and thread-safe.
 */
public final class VietnameseNumberReader {

    private static final String[] DIGIT_WORDS = {
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"
    };
    private static final long BILLION = 1_000_000_000L;
    /** Digit strings longer than this do not fit a {@code long} safely and are not cardinals anyway. */
    private static final int MAX_CARDINAL_DIGITS = 18;
    /** Fractions longer than this are read digit by digit, as people read 3,14159. */
    private static final int MAX_FRACTION_AS_NUMBER = 3;

    private final Region region;

    /** A reader for the conventions of {@code region}. */
    public VietnameseNumberReader(Region region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The region whose conventions this reader follows. */
    public Region region() {
        return region;
    }

    /** The word for a single digit 0–9 ("không" … "chín"). */
    public static String digitWord(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("digit must be 0..9, was " + digit);
        }
        return DIGIT_WORDS[digit];
    }

    /** {@code n} as a cardinal, e.g. 2026 → "hai nghìn không trăm hai mươi sáu"; negatives with "âm". */
    public String cardinal(long n) {
        if (n == 0) {
            return DIGIT_WORDS[0];
        }
        StringBuilder out = new StringBuilder();
        if (n < 0) {
            out.append("âm");
        }
        // The magnitude is treated as unsigned so that Long.MIN_VALUE, whose negation overflows, reads.
        appendCardinal(out, n < 0 ? -n : n, false);
        return out.toString();
    }

    /**
     * A string of decimal digits as a cardinal; leading zeros are dropped ("05" → "năm").
     *
     * @throws IllegalArgumentException if {@code digits} is empty, holds a non-digit, or has more
     *         than 18 significant digits
     */
    public String cardinal(String digits) {
        requireDigits(digits);
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        if (digits.length() - first > MAX_CARDINAL_DIGITS) {
            throw new IllegalArgumentException("Too many digits for a cardinal (max "
                    + MAX_CARDINAL_DIGITS + "); read it digit by digit instead: " + digits);
        }
        return cardinal(Long.parseLong(digits.substring(first)));
    }

    /**
     * A decimal number given as its integer and fractional digits: ("2", "5") → "hai phẩy năm".
     *
     * @throws IllegalArgumentException if either part is empty or holds a non-digit
     */
    public String decimal(String integerDigits, String fractionDigits) {
        requireDigits(fractionDigits);
        StringBuilder out = new StringBuilder(cardinal(integerDigits)).append(" phẩy ");
        if (fractionDigits.length() > MAX_FRACTION_AS_NUMBER) {
            return out.append(digitByDigit(fractionDigits)).toString();
        }
        int i = 0;
        while (i < fractionDigits.length() - 1 && fractionDigits.charAt(i) == '0') {
            out.append(DIGIT_WORDS[0]).append(' ');
            i++;
        }
        return out.append(cardinal(fractionDigits.substring(i))).toString();
    }

    /**
     * Each digit as a word, separated by spaces: "0912" → "không chín một hai".
     *
     * @throws IllegalArgumentException if {@code digits} is empty or holds a non-digit
     */
    public static String digitByDigit(CharSequence digits) {
        requireDigits(digits);
        StringBuilder out = new StringBuilder(digits.length() * 5);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(DIGIT_WORDS[digits.charAt(i) - '0']);
        }
        return out.toString();
    }

    /**
     * Appends {@code n != 0}, taken as unsigned. {@code full} says a higher group was already spoken, so the leading
     * group of {@code n} keeps its "không trăm" / "linh".
     */
    private void appendCardinal(StringBuilder out, long n, boolean full) {
        long billions = Long.divideUnsigned(n, BILLION);
        long rest = Long.remainderUnsigned(n, BILLION);
        boolean spoken = full;
        if (billions > 0) {
            // The count of tỷ is a number in its own right: 1 000 tỷ is "một nghìn tỷ".
            appendCardinal(out, billions, full);
            appendWord(out, "tỷ");
            spoken = true;
        }
        int[] groups = {(int) (rest / 1_000_000), (int) (rest / 1000 % 1000), (int) (rest % 1000)};
        String[] scales = {"triệu", region.thousand(), null};
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == 0) {
                continue;
            }
            appendGroup(out, groups[i], spoken);
            if (scales[i] != null) {
                appendWord(out, scales[i]);
            }
            spoken = true;
        }
    }

    /** Appends a group 1..999; {@code full} keeps "không trăm" and "linh" for a short group. */
    private void appendGroup(StringBuilder out, int group, boolean full) {
        int hundreds = group / 100;
        int tens = group / 10 % 10;
        int units = group % 10;
        boolean withHundreds = hundreds > 0 || full;
        if (withHundreds) {
            appendWord(out, DIGIT_WORDS[hundreds]);
            appendWord(out, "trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                if (withHundreds) {
                    appendWord(out, region.zeroTens());
                }
                appendWord(out, DIGIT_WORDS[units]);
            }
            return;
        }
        if (tens == 1) {
            appendWord(out, "mười");
            if (units > 0) {
                appendWord(out, units == 5 ? "lăm" : DIGIT_WORDS[units]);
            }
            return;
        }
        appendWord(out, DIGIT_WORDS[tens]);
        appendWord(out, "mươi");
        if (units > 0) {
            appendWord(out, unitsAfterMuoi(units));
        }
    }

    private String unitsAfterMuoi(int units) {
        switch (units) {
            case 1:
                return "mốt";
            case 4:
                return region.fourAfterTens();
            case 5:
                return "lăm";
            default:
                return DIGIT_WORDS[units];
        }
    }

    private static void appendWord(StringBuilder out, String word) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(word);
    }

    private static void requireDigits(CharSequence digits) {
        if (digits == null || digits.length() == 0) {
            throw new IllegalArgumentException("digits must not be empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not a decimal digit '" + c + "' in: " + digits);
            }
        }
    }
}
