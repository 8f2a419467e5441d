package vn.dvc.hotline.speech;

/** No prompt has this key: it is neither a menu node's key nor a system prompt's. Answered with 404. */
public class NoSuchPromptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchPromptException(String key) {
        super("No prompt with key '" + key + "': prompt keys are the menu nodes' keys and the system.* keys");
    }
}
