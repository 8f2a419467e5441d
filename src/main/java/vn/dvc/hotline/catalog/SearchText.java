package vn.dvc.hotline.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form procedure text is searched in: lower case, without Vietnamese diacritics ("Đăng ký" → "dang ky"),
 * punctuation turned into spaces. Folding both the stored text and the query the same way makes search ignore case
 * and tone marks without any database extension. Immutable; thread-safe.
 */
public final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private SearchText() {
    }

    /** Folds text: "Cấp Phiếu lý lịch tư pháp" → "cap phieu ly lich tu phap". Null gives "". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // đ/Đ are letters of their own, not d with a mark, so decomposition leaves them alone.
        String plain = text.replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(plain, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The distinct words of a folded query, in order. */
    public static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).distinct().toList();
    }
}
