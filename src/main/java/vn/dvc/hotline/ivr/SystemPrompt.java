package vn.dvc.hotline.ivr;

/**
 * Prompts that belong to the engine rather than to a menu node. Their texts ship with the seeded menu
 * ({@code seed/menu.json}, under {@code systemPrompts}); node keys may not start with {@code system.}, so
 * the two never collide.
 *
 * <p>Immutable; safe to share between threads.
 */
public enum SystemPrompt {

    /** After an unknown key, too few keys, or silence; followed by the question again. */
    NOT_UNDERSTOOD("system.not-understood"),

    /** Before the engine hangs up because the caller gave no usable answer after all retries. */
    GOODBYE("system.goodbye"),

    /** When a voice service failed unexpectedly; followed by the menu the service belongs to. */
    SERVICE_UNAVAILABLE("system.service-unavailable"),

    /** A short thank-you for services to use, for example after a rating. */
    THANKS("system.thanks");

    private final String key;

    SystemPrompt(String key) {
        this.key = key;
    }

    /** @return the prompt key the speech layer knows this prompt by */
    public String key() {
        return key;
    }
}
