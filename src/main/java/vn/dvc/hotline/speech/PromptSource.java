package vn.dvc.hotline.speech;

/** Where a prompt's audio came from; the {@code prompt.source} column. */
public enum PromptSource {

    /** Rendered by espeak-ng on this or another instance of the service. */
    TTS,

    /** A recording uploaded by staff; used until an editor changes the prompt's text. */
    UPLOAD,

    /** Pre-rendered with espeak-ng and shipped with the service ({@code prompts/shipped/} on the classpath). */
    SHIPPED
}
