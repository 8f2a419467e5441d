package vn.dvc.hotline.speech;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites written Vietnamese into the words a listener expects, before it reaches espeak-ng:
 * espeak-ng alone reads "1900868895" as a number in the billions and "08/04/2021" as a string of
 * digits.
 *
 * <p>The text is taken to Unicode NFC first (input may be NFD), then rewritten by an ordered list
 * of rules, most specific first: a legal document number before a date, a date before a fraction, a
 * phone number before a plain number. Every rule turns digits into words, so a later rule never
 * sees the output of an earlier one as a number. What no rule recognises, including all ordinary
 * Vietnamese words, is kept as written. Sentence punctuation is kept because espeak-ng pauses on it;
 * digit groups are joined by ", " for the same reason. Whitespace is collapsed to single spaces and
 * line breaks end a sentence.
 *
 * <h2>Readings chosen</h2>
 * <ul>
 *   <li>Numbers: "." groups thousands ("15.000" mười lăm ngàn), "," is the decimal mark ("2,5" hai
 *       phẩy năm); see {@link VietnameseNumberReader} for the spoken rules. Leading zeros of a short
 *       count are dropped ("05 ngày làm việc" năm ngày làm việc); a longer digit string that starts
 *       with 0 is an identifier and is read digit by digit.</li>
 *   <li>Procedure codes "1.001193" (one digit, a dot, six digits), and any dotted digits that are
 *       not thousands groups: each group with "chấm" between ("một chấm không không một một chín
 *       ba"); groups of one or two digits without a leading zero read as numbers ("Điều 3.2" ba
 *       chấm hai).</li>
 *   <li>Money: "15.000 đồng", "1.500.000đ", "1.500.000 VNĐ", "200.000 ₫" all end in "đồng"; a unit
 *       after a slash is "mỗi", along a whole chain: "200.000 đồng/lần/người" hai trăm ngàn đồng mỗi lần mỗi
 *       người. "và/hoặc" is "và hoặc" (espeak-ng says nothing for a slash).</li>
 *   <li>Dates dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy: "ngày mùng tám tháng tư năm hai ngàn
 *       không trăm hai mươi mốt". The "ngày" is not repeated when the text already says it.
 *       "mm/yyyy" is "tháng tư năm …"; "dd/mm" is a date only after "ngày"/"mùng"/"mồng", otherwise
 *       a fraction ("4/5" bốn trên năm), since in procedure texts a bare "4/5" is rarely a date.</li>
 *   <li>Times "7h30", "7g30", "14:00": "bảy giờ ba mươi phút", "mười bốn giờ"; "7 giờ 30" is read as
 *       written. A dash between two times, two dates or two numbers is "đến".</li>
 *   <li>Ordinals after "thứ": "thứ 1" thứ nhất, "thứ 4" thứ tư, otherwise the cardinal.</li>
 *   <li>Phone numbers (mobile 0xxx, landline 02x, +84) and hotlines (1900/1800): digits one by one,
 *       in the groups the text shows; unspaced numbers are grouped 4-3-3 (mobile), 3-4-4 or 4-4-3
 *       (landline, by area-code length), 4-2-2-2 or 4-4 (1900/1800, so that "1900868895" sounds
 *       like the printed "1900 86 68 95").</li>
 *   <li>Dossier and other codes with letters ("000.00.01.H29-240115-0001"): letters by their
 *       Vietnamese names, digits one by one, a pause at each separator, long runs cut into
 *       threes.</li>
 *   <li>Legal document numbers are read the way officials cite them: "Nghị định 123/2015/NĐ-CP"
 *       → "Nghị định một trăm hai mươi ba năm hai ngàn không trăm mười lăm của Chính phủ"; when the
 *       kind of document is not already said before the number it is added ("Nghị định số …");
 *       "59/2020/QH14" → "… của Quốc hội khóa mười bốn"; a form "03/2024/LLTP" → "ba năm hai ngàn không trăm
 *       hai mươi tư lý lịch tư pháp".</li>
 *   <li>Roman numerals after the words that take them: "hạng II" hạng hai, "quý IV" quý bốn.</li>
 *   <li>Web addresses: "dichvucong.gov.vn" → "dichvucong chấm gốp chấm vê en".</li>
 *   <li>Abbreviations of the domain are expanded (the table is in {@code DomainVocabulary}); "TP" only before a
 *       capitalised name, "Q."/"P." only before a number or a capitalised name (quận, phường).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; all patterns are compiled once.
 */
public final class VietnameseTextNormalizer {

    /** A rewrite of one match; {@code null} leaves the match as written for later rules. */
    @FunctionalInterface
    private interface Rewrite {
        String apply(Matcher match, CharSequence text, SpokenForms forms);
    }

    private static final class Rule {
        private final Pattern pattern;
        private final Rewrite rewrite;

        private Rule(Pattern pattern, Rewrite rewrite) {
            this.pattern = pattern;
            this.rewrite = rewrite;
        }
    }

    /** Not inside a word or a number. */
    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";
    /** Not the continuation of a number such as "1.5" or "12/3". */
    private static final String NUM_START = "(?<![\\p{L}\\p{N}])(?<!\\p{N}[.,/:])";
    private static final String NUM_END = "(?![\\p{N}])(?![.,/:]\\p{N})";
    /** An amount: thousands groups with an optional decimal, or plain digits with one. */
    private static final String AMOUNT = "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3}){2,}|\\d+(?:,\\d+)?)";

    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]*\\R\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern BULLET = Pattern.compile("^[-+•*–]\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:,…]$");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" +([,.;:!?…)\\]])");
    private static final Pattern SPACE_AFTER_OPENING = Pattern.compile("([(\\[]) +");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[ .\\-]");
    private static final Pattern ISSUER_SEPARATOR = Pattern.compile("-");
    private static final Pattern TRAILING_SO = Pattern.compile("\\s+số$");
    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern UNIT_SLASH = Pattern.compile("\\s*/\\s*");

    private static final List<Rule> RULES = buildRules();

    private final Map<Region, SpokenForms> forms;

    /** A normaliser for all three regions. */
    public VietnameseTextNormalizer() {
        Map<Region, SpokenForms> byRegion = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            byRegion.put(region, new SpokenForms(region));
        }
        this.forms = byRegion;
    }

    /**
     * {@code text} rewritten for speech with the conventions of {@code region}.
     *
     * @throws NullPointerException if either argument is null
     */
    public String normalize(String text, Region region) {
        if (text == null || region == null) {
            throw new NullPointerException(text == null ? "text" : "region");
        }
        SpokenForms spoken = forms.get(region);
        String result = joinLines(Normalizer.normalize(text, Normalizer.Form.NFC));
        for (Rule rule : RULES) {
            result = apply(rule, result, spoken);
        }
        return tidy(result);
    }

    private static String apply(Rule rule, String text, SpokenForms spoken) {
        Matcher m = rule.pattern.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement = rule.rewrite.apply(m, text, spoken);
            if (replacement == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() * 2);
            }
            // Spaces around the words keep them apart from neighbours ("1.500.000đ/lần"); tidy() collapses them.
            out.append(text, last, m.start()).append(' ').append(replacement).append(' ');
            last = m.end();
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Lines become sentences: espeak-ng pauses at the full stop a list item usually lacks. */
    private static String joinLines(String text) {
        String[] lines = LINE_BREAKS.split(text.strip());
        if (lines.length == 1) {
            return lines[0];
        }
        StringBuilder out = new StringBuilder(text.length() + lines.length * 2);
        for (String raw : lines) {
            String line = BULLET.matcher(raw.strip()).replaceFirst("");
            if (line.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(line);
            if (!SENTENCE_END.matcher(line).find()) {
                out.append('.');
            }
        }
        return out.toString();
    }

    private static String tidy(String text) {
        String single = SPACES.matcher(text).replaceAll(" ").strip();
        String closed = SPACE_BEFORE_PUNCTUATION.matcher(single).replaceAll("$1");
        return SPACE_AFTER_OPENING.matcher(closed).replaceAll("$1");
    }

    private static List<Rule> buildRules() {
        List<Rule> rules = new ArrayList<>();

        // Addresses first: "Q.1" would otherwise look like a code to the code rule.
        rules.add(rule(WORD_START + "([QP])\\.\\s?(?=[\\p{Lu}\\p{N}])",
                (m, t, f) -> "Q".equals(m.group(1)) ? "quận" : "phường"));
        rules.add(rule(WORD_START + "([QP])(\\d{1,2})" + WORD_END,
                (m, t, f) -> ("Q".equals(m.group(1)) ? "quận " : "phường ") + f.cardinal(parse(m.group(2)))));

        // Roman numerals after the words that number with them: "hạng II" hạng hai, "quý IV" quý bốn. espeak-ng
        // reads a bare "II" in English.
        rules.add(rule("(?<=(?:^|[^\\p{L}])(?:[Hh]ạng|[Ll]oại|[Nn]hóm|[Cc]ấp|[Kk]hóa|[Kk]hoá|[Cc]hương|[Pp]hần|[Mm]ục"
                + "|[Qq]uý|[Kk]ỳ|[Tt]ập|[Đđ]ợt|[Kk]hu vực|[Vv]ùng|[Hh]ạng mục|[Pp]hụ lục)\\s)(?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))"
                + WORD_END, (m, t, f) -> m.group(1).isEmpty() ? null : f.cardinal(roman(m.group(1)))));

        // Web addresses callers are sent to ("dichvucong.gov.vn"): the dots are said, the suffixes named.
        rules.add(rule(WORD_START + "((?:[a-z0-9][a-z0-9\\-]*\\.)+(?:vn|gov|com|net|org))" + WORD_END
                + "(?!\\.[a-z0-9])",
                VietnameseTextNormalizer::webAddress));

        // Legal documents: a law "59/2020/QH14", then "123/2015/NĐ-CP", "123/QĐ-UBND", bare "NĐ-CP".
        rules.add(rule(NUM_START + "(\\d{1,5})/(\\d{4})/QH(\\d{1,2})" + WORD_END,
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " năm " + f.numbers().cardinal(m.group(2))
                        + " của Quốc hội khóa " + f.numbers().cardinal(m.group(3))));
        String units = alternation(DomainVocabulary.UNITS.keySet());
        String issuer = "([A-ZĐ][A-Za-zĐ]{1,9}(?:-[A-ZĐ][A-Za-zĐ]{1,9})*)";
        rules.add(rule(NUM_START + "(\\d{1,5})/(?:(\\d{4})/)?([A-ZĐ]{2,4})-" + issuer + WORD_END,
                VietnameseTextNormalizer::documentNumber));
        // Form numbers without an issuer: "Mẫu số 03/2024/LLTP" → "ba năm hai ngàn … lý lịch tư pháp".
        rules.add(rule(NUM_START + "(\\d{1,5})/(\\d{4})/([A-ZĐ][A-Za-zĐ]{1,9})" + WORD_END,
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " năm " + f.numbers().cardinal(m.group(2)) + " "
                        + DomainVocabulary.ABBREVIATIONS.getOrDefault(m.group(3), CodeSpeller.spell(m.group(3)))));
        // ...and "Mẫu số 15/ĐK": the number, then the letters.
        rules.add(rule(NUM_START + "(\\d{1,5})/([A-ZĐ]{2,6})" + WORD_END + "(?![-/])",
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " "
                        + DomainVocabulary.ABBREVIATIONS.getOrDefault(m.group(2), CodeSpeller.spell(m.group(2)))));
        rules.add(rule(WORD_START + "(?<![/\\-])([A-ZĐ]{2,4})-" + issuer + WORD_END,
                VietnameseTextNormalizer::documentKind));

        // Ranges, before their ends are rewritten: the dash between two dates, times or weekdays is "đến".
        String date = "\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{4}";
        rules.add(rule("(?<=" + date + ")\\s?[–\\-]\\s?(?=" + date + ")",
                (m, t, f) -> "đến"));
        rules.add(rule("(?<=\\d(?:[hg]\\d{2}|h|:\\d{2}))\\s?[–\\-]\\s?(?=\\d{1,2}(?:[hg]\\d{2}|h|:\\d{2}))",
                (m, t, f) -> "đến"));
        rules.add(ruleIgnoringCase("(?<![\\p{L}])(thứ \\d)\\s?[–\\-]\\s?(thứ \\d|chủ nhật|CN)" + WORD_END,
                (m, t, f) -> m.group(1) + " đến "
                        + ("CN".equals(m.group(2)) ? "Chủ nhật" : m.group(2))));

        // Codes with letters and separators: dossier codes such as 000.00.01.H29-240115-0001.
        rules.add(rule(WORD_START + "(?<![.\\-])(?=[A-Z0-9.\\-]*\\d)(?=[A-Z0-9.\\-]*[A-Z])[A-Z0-9]+(?:[.\\-][A-Z0-9]+)+"
                + WORD_END + "(?![.\\-][A-Z0-9])", (m, t, f) -> CodeSpeller.spell(m.group())));

        // Telephone numbers, before any rule can take them for amounts or dates.
        rules.add(rule("(?<![\\p{N}])\\((0\\d{2,3})\\)\\s?(\\d{3,4}(?:[ .\\-]?\\d{3,4})?)" + NUM_END,
                VietnameseTextNormalizer::landlineWithAreaCode));
        rules.add(ruleIgnoringCase("(?<=gọi\\s|tổng đài\\s|đường dây nóng\\s)(11[1345])" + NUM_END,
                (m, t, f) -> VietnameseNumberReader.digitByDigit(m.group(1))));
        rules.add(rule(NUM_START + "(1[89]00)((?:[ .]?\\d){6}|(?:[ .]?\\d){4})" + NUM_END,
                (m, t, f) -> phone(m.group(),
                        digitCount(m.group(2)) == 6 ? new int[] {4, 2, 2, 2} : new int[] {4, 4})));
        rules.add(rule("(?<![\\p{L}\\p{N}+])\\+84[ .]?(\\d(?:[ .\\-]?\\d){8,9})" + NUM_END,
                (m, t, f) -> "cộng tám bốn" + CodeSpeller.PAUSE + phone(m.group(1),
                        digitCount(m.group(1)) == 9 ? new int[] {3, 3, 3} : new int[] {3, 3, 4})));
        rules.add(rule(NUM_START + "(0[35789]\\d(?:[ .\\-]?\\d){7})" + NUM_END,
                (m, t, f) -> phone(m.group(1), new int[] {4, 3, 3})));
        rules.add(rule(NUM_START + "(02\\d(?:[ .\\-]?\\d){8})" + NUM_END,
                (m, t, f) -> phone(m.group(1), m.group(1).startsWith("024") || m.group(1).startsWith("028")
                        ? new int[] {3, 4, 4} : new int[] {4, 4, 3})));

        // Procedure codes (mã TTHC), e.g. 1.001193.
        rules.add(rule(NUM_START + "(\\d)\\.(\\d{6})" + NUM_END,
                (m, t, f) -> VietnameseNumberReader.digitByDigit(m.group(1)) + " chấm "
                        + VietnameseNumberReader.digitByDigit(m.group(2))));

        // Dates and parts of dates.
        rules.add(rule(NUM_START + "(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})" + NUM_END,
                VietnameseTextNormalizer::fullDate));
        rules.add(ruleIgnoringCase("(?<=ngày\\s|mùng\\s|mồng\\s)(\\d{1,2})/(\\d{1,2})" + NUM_END,
                VietnameseTextNormalizer::dayAndMonth));
        rules.add(rule(NUM_START + "(\\d{1,2})/(\\d{4})" + NUM_END, VietnameseTextNormalizer::monthAndYear));

        // Times of day.
        rules.add(rule(NUM_START + "(\\d{1,2})(?:h(\\d{2})?|g(\\d{2}))'?" + WORD_END,
                (m, t, f) -> time(f, m.group(1), m.group(2) != null ? m.group(2) : m.group(3))));
        rules.add(rule(NUM_START + "(\\d{1,2}):(\\d{2})" + NUM_END,
                (m, t, f) -> time(f, m.group(1), m.group(2))));

        // Sizes ("ảnh 3x4", "4 x 6 cm") before amounts, which would take the "6 cm" alone.
        rules.add(rule(NUM_START + "(\\d{1,3})\\s?[x×]\\s?(\\d{1,3})(?:\\s?" + units + WORD_END + ")?" + NUM_END,
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " nhân " + f.numbers().cardinal(m.group(2))
                        + (m.group(3) == null ? "" : " " + DomainVocabulary.UNITS.get(m.group(3)))));

        // Amounts with a unit.
        rules.add(rule(NUM_START + AMOUNT + "\\s?(?:đồng|VNĐ|VND|vnđ|vnd|đ|₫)" + WORD_END,
                (m, t, f) -> amount(f, m.group(1)) + " đồng"));
        // "8.000 đồng/bản sao/sự kiện": every slash of the unit chain is "mỗi" (espeak-ng drops slashes).
        rules.add(rule("(?<=đồng)\\s*/\\s*\\p{L}[^.,;:()\\d]*",
                (m, t, f) -> "mỗi " + UNIT_SLASH.matcher(m.group().substring(m.group().indexOf('/') + 1).strip())
                        .replaceAll(" mỗi ")));
        rules.add(rule(NUM_START + "(\\d{1,3})k" + WORD_END,
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " " + f.region().thousand()));
        rules.add(rule(NUM_START + AMOUNT + "\\s?%", (m, t, f) -> amount(f, m.group(1)) + " phần trăm"));
        rules.add(rule(NUM_START + AMOUNT + "\\s?" + units + WORD_END,
                (m, t, f) -> amount(f, m.group(1)) + " " + DomainVocabulary.UNITS.get(m.group(2))));

        // Abbreviations that depend on what follows, then the fixed table.
        rules.add(rule(WORD_START + "(?:TP|Tp)\\.?\\s?(?=\\p{Lu})", (m, t, f) -> "thành phố"));
        rules.add(rule(WORD_START + "TX\\.\\s?(?=\\p{Lu})", (m, t, f) -> "thị xã"));
        rules.add(rule(WORD_START + "TT\\.\\s?(?=\\p{Lu})", (m, t, f) -> "thị trấn"));
        // The closing dot stays when it ends the sentence, so that espeak-ng still pauses there.
        rules.add(rule(WORD_START + "v\\.v(?:\\.(?=\\s*[,;:\\p{Ll}]))?", (m, t, f) -> "vân vân"));
        rules.add(rule(WORD_START + alternation(DomainVocabulary.ABBREVIATIONS.keySet()) + WORD_END,
                (m, t, f) -> DomainVocabulary.ABBREVIATIONS.get(m.group(1))));
        rules.add(rule("\\s?&\\s?", (m, t, f) -> "và"));
        rules.add(rule(WORD_START + "và\\s?/\\s?hoặc" + WORD_END, (m, t, f) -> "và hoặc"));
        rules.add(rule("%", (m, t, f) -> "phần trăm"));

        // Ordinals, letter-digit names (hạng B2, khổ A4), ranges of counts.
        rules.add(ruleIgnoringCase("(?<![\\p{L}])(thứ)\\s+(\\d{1,3})" + NUM_END,
                (m, t, f) -> m.group(1) + " " + f.ordinalNumber(parse(m.group(2)))));
        rules.add(rule(WORD_START + "([A-Z]{1,2})(\\d{1,2})" + WORD_END, (m, t, f) -> CodeSpeller.spell(m.group())));
        rules.add(rule(NUM_START + "(\\d{1,3})\\s?[–\\-]\\s?(\\d{1,3})" + NUM_END,
                (m, t, f) -> f.numbers().cardinal(m.group(1)) + " đến " + f.numbers().cardinal(m.group(2))));

        // Plain numbers, most structured first.
        rules.add(rule(NUM_START + "(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3}){2,})" + NUM_END,
                (m, t, f) -> amount(f, m.group(1))));
        rules.add(rule(NUM_START + "(\\d+(?:\\.\\d+)+)" + NUM_END, VietnameseTextNormalizer::dottedGroups));
        rules.add(rule(NUM_START + "(\\d+),(\\d+)" + NUM_END,
                (m, t, f) -> f.numbers().decimal(m.group(1), m.group(2))));
        rules.add(rule(NUM_START + "(\\d+)/(\\d+)" + NUM_END,
                (m, t, f) -> integer(f, m.group(1)) + " trên " + integer(f, m.group(2))));
        rules.add(rule("\\d+", (m, t, f) -> integer(f, m.group())));
        return List.copyOf(rules);
    }

    private static Rule rule(String regex, Rewrite rewrite) {
        return new Rule(Pattern.compile(regex), rewrite);
    }

    private static Rule ruleIgnoringCase(String regex, Rewrite rewrite) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), rewrite);
    }

    /** A capturing group matching any of {@code words}, longest first so "km2" wins over "km". */
    private static String alternation(Collection<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(", ")"));
    }

    // ---- rewrites -------------------------------------------------------------------------------

    /** "123/2015/NĐ-CP" → "[Nghị định số] một trăm hai mươi ba năm … của Chính phủ". */
    private static String documentNumber(Matcher m, CharSequence text, SpokenForms f) {
        String kind = DomainVocabulary.DOCUMENT_TYPES.get(m.group(3));
        if (kind == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        if (!alreadySaid(text, m.start(), kind)) {
            out.append(kind).append(" số ");
        }
        out.append(f.numbers().cardinal(m.group(1)));
        if (m.group(2) != null) {
            out.append(" năm ").append(f.numbers().cardinal(m.group(2)));
        }
        return out.append(" của ").append(issuers(m.group(4))).toString();
    }

    /** A bare "NĐ-CP" → "Nghị định của Chính phủ". */
    private static String documentKind(Matcher m, CharSequence text, SpokenForms f) {
        String kind = DomainVocabulary.DOCUMENT_TYPES.get(m.group(1));
        return kind == null ? null : kind + " của " + issuers(m.group(2));
    }

    private static String issuers(String codes) {
        StringBuilder out = new StringBuilder();
        for (String code : ISSUER_SEPARATOR.split(codes)) {
            if (out.length() > 0) {
                out.append(" và ");
            }
            String name = DomainVocabulary.ISSUERS.get(code);
            out.append(name != null ? name : CodeSpeller.spell(code));
        }
        return out.toString();
    }

    /** Whether the text just before {@code end} names {@code kind}, optionally followed by "số". */
    private static boolean alreadySaid(CharSequence text, int end, String kind) {
        String before = text.subSequence(Math.max(0, end - kind.length() - 8), end).toString()
                .strip().toLowerCase(Locale.ROOT);
        before = TRAILING_SO.matcher(before).replaceFirst("");
        return before.endsWith(kind.toLowerCase(Locale.ROOT));
    }

    private static String fullDate(Matcher m, CharSequence text, SpokenForms f) {
        int day = parse(m.group(1));
        int month = parse(m.group(3));
        if (!validDayMonth(day, month)) {
            return null;
        }
        String words = f.dayMonthYear(day, month, parse(m.group(4)));
        return withDatePrefix(text, m.start(), words, f.numbers().cardinal(day));
    }

    private static String dayAndMonth(Matcher m, CharSequence text, SpokenForms f) {
        int day = parse(m.group(1));
        int month = parse(m.group(2));
        if (!validDayMonth(day, month)) {
            return null;
        }
        return withDatePrefix(text, m.start(), f.dayMonth(day, month), f.numbers().cardinal(day));
    }

    /**
     * Adds "ngày" unless the text already says it, and drops our "mùng"/"mồng" when the text has
     * its own, so that "ngày 08/04" never becomes "ngày ngày".
     */
    private static String withDatePrefix(CharSequence text, int start, String words, String bareDay) {
        String before = lastWord(text, start);
        if ("mùng".equals(before) || "mồng".equals(before)) {
            return bareDay + words.substring(words.indexOf(" tháng "));
        }
        return "ngày".equals(before) ? words : "ngày " + words;
    }

    private static String monthAndYear(Matcher m, CharSequence text, SpokenForms f) {
        int month = parse(m.group(1));
        if (month < 1 || month > 12) {
            return null;
        }
        String words = f.month(month) + " năm " + f.numbers().cardinal(m.group(2));
        return "tháng".equals(lastWord(text, m.start())) ? words.substring("tháng ".length()) : words;
    }

    private static String time(SpokenForms f, String hours, String minutes) {
        int h = parse(hours);
        int min = minutes == null ? 0 : parse(minutes);
        if (h > 24 || min > 59 || (h == 24 && min > 0)) {
            return null;
        }
        return f.hoursMinutes(h, min);
    }

    /** "15.000" / "1,500,000" / "2,5" / "15" as a number. */
    private static String amount(SpokenForms f, String written) {
        int comma = written.indexOf(',');
        boolean commaThousands = comma >= 0 && written.indexOf(',', comma + 1) >= 0;
        if (comma < 0 || commaThousands) {
            return f.numbers().cardinal(NON_DIGITS.matcher(written).replaceAll(""));
        }
        return f.numbers().decimal(NON_DIGITS.matcher(written.substring(0, comma)).replaceAll(""),
                written.substring(comma + 1));
    }

    /** "dichvucong.gov.vn" → "dichvucong chấm gốp chấm vê en". */
    private static String webAddress(Matcher m, CharSequence text, SpokenForms f) {
        StringBuilder out = new StringBuilder();
        for (String label : DOT.split(m.group(1))) {
            if (out.length() > 0) {
                out.append(" chấm ");
            }
            out.append(DomainVocabulary.WEB_SUFFIXES.getOrDefault(label, label));
        }
        return out.toString();
    }

    /** "3.2" → "ba chấm hai", "000.00.01" → digit by digit with "chấm" between groups. */
    private static String dottedGroups(Matcher m, CharSequence text, SpokenForms f) {
        StringBuilder out = new StringBuilder();
        for (String group : DOT.split(m.group(1))) {
            if (out.length() > 0) {
                out.append(" chấm ");
            }
            boolean smallNumber = group.length() <= 2 && group.charAt(0) != '0';
            out.append(smallNumber ? f.numbers().cardinal(group) : VietnameseNumberReader.digitByDigit(group));
        }
        return out.toString();
    }

    /** A count (leading zeros dropped) or, if it starts with 0 and is long, an identifier. */
    private static String integer(SpokenForms f, String digits) {
        boolean identifier = (digits.length() >= 4 && digits.charAt(0) == '0') || digits.length() > 15;
        return identifier ? CodeSpeller.spell(digits) : f.numbers().cardinal(digits);
    }

    /** A phone number in the groups the text shows, or in {@code standard} groups if it shows none. */
    private static String phone(String written, int[] standard) {
        String[] shown = GROUP_SEPARATOR.split(written.strip());
        List<String> groups = new ArrayList<>();
        if (shown.length > 1) {
            for (String g : shown) {
                if (!g.isEmpty()) {
                    groups.add(g);
                }
            }
        } else {
            String digits = NON_DIGITS.matcher(written).replaceAll("");
            int at = 0;
            for (int size : standard) {
                groups.add(digits.substring(at, Math.min(at + size, digits.length())));
                at += size;
            }
        }
        return CodeSpeller.spellGroups(groups);
    }

    /** "(028) 3822 1234" → "không hai tám, ba tám hai hai, một hai ba bốn". */
    private static String landlineWithAreaCode(Matcher m, CharSequence text, SpokenForms f) {
        String rest = m.group(2);
        int total = m.group(1).length() + digitCount(rest);
        if (total < 10 || total > 11) {
            return null;
        }
        int restDigits = digitCount(rest);
        int[] standard = restDigits == 8 ? new int[] {4, 4} : new int[] {4, restDigits - 4};
        return CodeSpeller.spell(m.group(1)) + CodeSpeller.PAUSE + phone(rest, standard);
    }

    private static int digitCount(String s) {
        return NON_DIGITS.matcher(s).replaceAll("").length();
    }

    /** The word just before {@code position}, lower-cased, or "" if there is none. */
    private static String lastWord(CharSequence text, int position) {
        int end = position;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    }

    private static boolean validDayMonth(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    /** "IV" → 4; only called with a well-formed numeral of I, V and X. */
    private static int roman(String numeral) {
        int total = 0;
        for (int i = 0; i < numeral.length(); i++) {
            int value = romanDigit(numeral.charAt(i));
            boolean subtract = i + 1 < numeral.length() && value < romanDigit(numeral.charAt(i + 1));
            total += subtract ? -value : value;
        }
        return total;
    }

    private static int romanDigit(char c) {
        return c == 'X' ? 10 : c == 'V' ? 5 : 1;
    }

    private static int parse(String digits) {
        return Integer.parseInt(digits);
    }
}
