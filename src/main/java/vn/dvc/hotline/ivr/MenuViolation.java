package vn.dvc.hotline.ivr;

/**
 * One reason why a list of {@link MenuNode}s is not a valid menu, phrased for the person editing it.
 * The REST layer turns a list of these into an {@code application/problem+json} answer.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param nodeIndex position of the offending node in the submitted list, or {@code -1} when the
 *                  violation concerns the menu as a whole (for example: no root)
 * @param nodeKey   key of the offending node as submitted (may be {@code null} or invalid), or
 *                  {@code null} for a menu-wide violation
 * @param field     the {@link MenuNode} component at fault ({@code key}, {@code parentKey}, {@code digit},
 *                  {@code kind}, {@code promptText}, {@code target}), or {@code null} for a menu-wide violation
 * @param message   what is wrong and how to fix it, in English
 */
public record MenuViolation(int nodeIndex, String nodeKey, String field, String message) {

    /** Index used for violations that concern no single node. */
    public static final int MENU_WIDE = -1;

    static MenuViolation menuWide(String message) {
        return new MenuViolation(MENU_WIDE, null, null, message);
    }

    /** @return whether this violation concerns the menu as a whole rather than one node */
    public boolean isMenuWide() {
        return nodeIndex == MENU_WIDE;
    }

    @Override
    public String toString() {
        if (isMenuWide()) {
            return message;
        }
        return "node #" + nodeIndex + " '" + nodeKey + "', " + field + ": " + message;
    }
}
