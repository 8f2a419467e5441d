package vn.dvc.hotline.speech;

import java.util.regex.Pattern;

/**
 * Whether a clip lasts about as long as its text takes to say: Vietnamese is written one syllable per word, so the
 * normalised text's word count is its syllable count. At 150 words per minute espeak-ng speaks a syllable in about
 * 300 ms including pauses; the bounds are wide enough for commas and full stops and narrow enough to catch a
 * truncated render, silence, or a number read digit by digit instead of in words (or the reverse).
 */
final class PlausibleLength {

    static final int MIN_MS_PER_SYLLABLE = 200;
    static final int MAX_MS_PER_SYLLABLE = 500;
    /** Leading and trailing pauses of a very short text. */
    static final int SLACK_MS = 800;
    private static final Pattern WORDS = Pattern.compile("[\\s,.;:!?()\\[\\]\"'…–-]+");
    private static final VietnameseTextNormalizer NORMALIZER = new VietnameseTextNormalizer();

    private PlausibleLength() {
    }

    static int syllables(String text, Region region) {
        int count = 0;
        for (String word : WORDS.split(NORMALIZER.normalize(text, region))) {
            if (word.codePoints().anyMatch(Character::isLetter)) {
                count++;
            }
        }
        return count;
    }

    /** @return null if plausible, else why not */
    static String problem(String key, String text, Region region, long durationMs) {
        int syllables = syllables(text, region);
        long min = (long) syllables * MIN_MS_PER_SYLLABLE - SLACK_MS;
        long max = (long) syllables * MAX_MS_PER_SYLLABLE + SLACK_MS;
        if (durationMs < min || durationMs > max) {
            return String.format("prompt '%s': %d ms of audio for %d syllables (expected %d–%d ms)", key, durationMs,
                    syllables, Math.max(0, min), max);
        }
        return null;
    }
}
