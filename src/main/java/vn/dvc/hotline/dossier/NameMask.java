package vn.dvc.hotline.dossier;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks an applicant's name so that the applicant recognises it and a stranger learns little: each word keeps its
 * first letter, "Nguyễn Văn An" → "N***** V** A*". Immutable; thread-safe.
 */
public final class NameMask {

    private NameMask() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        List<String> masked = new ArrayList<>();
        for (String word : name.trim().split("\\s+")) {
            int first = word.offsetByCodePoints(0, 1);
            int rest = word.codePointCount(first, word.length());
            masked.add(word.substring(0, first) + "*".repeat(rest));
        }
        return String.join(" ", masked);
    }
}
