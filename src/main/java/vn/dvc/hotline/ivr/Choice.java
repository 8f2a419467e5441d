package vn.dvc.hotline.ivr;

import java.util.Objects;

/**
 * One entry of a list a caller chooses from by number (a field, a procedure, an agency): its code and the prompt that
 * names it.
 *
 * <p>Immutable; safe to share between threads.
 */
public record Choice(String code, String namePromptKey) {

    public Choice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(namePromptKey, "namePromptKey");
    }
}
