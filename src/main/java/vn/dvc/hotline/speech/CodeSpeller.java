package vn.dvc.hotline.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spells codes the way an operator reads them to a caller: digits one by one, letters by their
 * Vietnamese names, a pause (", ", which espeak-ng renders as a short break) at every separator.
 *
 * <p>A run of more than four digits with no separator is cut into threes (a last piece of one digit
 * joins the one before), because a listener cannot hold more than about four digits in one breath:
 * "240115" is read "hai bốn không, một một năm".
 *
 * <p>Stateless and thread-safe.
 */
final class CodeSpeller {

    /** Group separator: espeak-ng pauses at a comma. */
    static final String PAUSE = ", ";
    private static final int LONGEST_UNCUT_RUN = 4;
    private static final int PIECE = 3;

    /** Names of the letters as spelled in Vietnamese schools ("hát" for H, "ca" for K). */
    private static final Map<Character, String> LETTER_NAMES = Map.ofEntries(
            Map.entry('A', "a"), Map.entry('Ă', "á"), Map.entry('Â', "ớ"), Map.entry('B', "bê"),
            Map.entry('C', "xê"), Map.entry('D', "dê"), Map.entry('Đ', "đê"), Map.entry('E', "e"),
            Map.entry('Ê', "ê"), Map.entry('F', "ép"), Map.entry('G', "giê"), Map.entry('H', "hát"),
            Map.entry('I', "i"), Map.entry('J', "gi"), Map.entry('K', "ca"), Map.entry('L', "e lờ"),
            Map.entry('M', "em mờ"), Map.entry('N', "en nờ"), Map.entry('O', "o"), Map.entry('Ô', "ô"),
            Map.entry('Ơ', "ơ"), Map.entry('P', "pê"), Map.entry('Q', "quy"), Map.entry('R', "e rờ"),
            Map.entry('S', "ét xì"), Map.entry('T', "tê"), Map.entry('U', "u"), Map.entry('Ư', "ư"),
            Map.entry('V', "vê"), Map.entry('W', "vê kép"), Map.entry('X', "ích xì"),
            Map.entry('Y', "i dài"), Map.entry('Z', "dét"));

    private CodeSpeller() {
    }

    /**
     * Spells {@code code}: "000.00.01.H29-240115-0001" → "không không không, không không, không
     * một, hát hai chín, hai bốn không, một một năm, không không không một". Groups are cut at any
     * character that is neither a letter, a digit nor "+" ("+" is read "cộng").
     */
    static String spell(CharSequence code) {
        List<String> groups = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '+') {
                group.append(c);
            } else if (group.length() > 0) {
                groups.add(group.toString());
                group.setLength(0);
            }
        }
        if (group.length() > 0) {
            groups.add(group.toString());
        }
        return spellGroups(groups);
    }

    /** Spells each group and joins them with pauses; the grouping is kept as given. */
    static String spellGroups(List<String> groups) {
        StringBuilder out = new StringBuilder();
        for (String g : groups) {
            String spelled = spellGroup(g);
            if (spelled.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(PAUSE);
            }
            out.append(spelled);
        }
        return out.toString();
    }

    /** One group with no separators: digit runs read one by one (long runs cut), letters named. */
    private static String spellGroup(String group) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < group.length()) {
            char c = group.charAt(i);
            if (isAsciiDigit(c)) {
                int end = i;
                while (end < group.length() && isAsciiDigit(group.charAt(end))) {
                    end++;
                }
                appendSeparated(out, spellDigitRun(group.substring(i, end)), " ");
                i = end;
            } else {
                appendSeparated(out, c == '+' ? "cộng" : letterName(c), " ");
                i++;
            }
        }
        return out.toString();
    }

    private static String spellDigitRun(String run) {
        if (run.length() <= LONGEST_UNCUT_RUN) {
            return VietnameseNumberReader.digitByDigit(run);
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < run.length()) {
            int end = start + PIECE;
            if (run.length() - end <= 1) {
                end = run.length();
            }
            appendSeparated(out, VietnameseNumberReader.digitByDigit(run.substring(start, end)), PAUSE);
            start = end;
        }
        return out.toString();
    }

    /** The Vietnamese name of a letter; letters outside the table are kept as written. */
    static String letterName(char letter) {
        char upper = Character.toUpperCase(letter);
        String name = LETTER_NAMES.get(upper);
        if (name != null) {
            return name;
        }
        if (Character.isDigit(letter)) {
            return VietnameseNumberReader.digitWord(Character.digit(letter, 10));
        }
        return String.valueOf(letter).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void appendSeparated(StringBuilder out, String text, String separator) {
        if (out.length() > 0) {
            out.append(separator);
        }
        out.append(text);
    }
}
