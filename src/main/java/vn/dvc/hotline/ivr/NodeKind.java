package vn.dvc.hotline.ivr;

/**
 * What a {@link MenuNode} does when the caller reaches it.
 *
 * <p>Immutable; safe to share between threads.
 */
public enum NodeKind {

    /**
     * Plays its prompt and waits for one key choosing a child. {@code 0} repeats the prompt and
     * {@code *} goes back to the parent menu (at the root: repeats), so children use {@code 1}–{@code 9}.
     */
    MENU,

    /** Plays its prompt, then returns to the parent menu. Has no children. */
    MESSAGE,

    /**
     * Hands the call to the {@link VoiceService} registered under the node's {@code target}. If no such
     * service is registered, behaves like {@link #MESSAGE}: its prompt is the "being prepared" text.
     */
    SERVICE,

    /** Plays its prompt, then hangs up. Has no children. */
    HANGUP
}
