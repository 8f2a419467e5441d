package vn.dvc.hotline.ivr;

/**
 * One row of the editable IVR tree ({@code menu_node}).
 *
 * <p>Deliberately unchecked: instances come straight from REST bodies and database rows, and a bad
 * value must become a {@link MenuViolation} a portal developer can read, not an exception. A node
 * is only trusted once it is part of a {@link MenuTree}, which runs the {@link MenuValidator}.
 *
 * <p>The node's prompt key, the name under which the speech layer caches its audio, is the node's
 * {@link #key()}.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param key        unique name matching {@code [a-z0-9._-]+}; also the prompt key
 * @param parentKey  key of the parent {@link NodeKind#MENU}, {@code null} for the root
 * @param digit      keypad digit {@code 1}–{@code 9} choosing this node in its parent, {@code null} for the root
 * @param kind       what the node does
 * @param promptText Vietnamese text spoken when the node is reached (for a SERVICE: the fallback text
 *                   played while no service of that name is registered)
 * @param target     for {@link NodeKind#SERVICE}: the name of the voice service; {@code null} otherwise
 */
public record MenuNode(String key, String parentKey, Character digit, NodeKind kind, String promptText, String target) {

    /**
     * @return whether this node hangs under a menu, that is, it is not the root. (Not named
     *         {@code isRoot}: JSON binders would take that for an extra {@code root} property.)
     */
    public boolean hasParent() {
        return parentKey != null;
    }

    /** @return the key under which this node's prompt audio is played: the node key */
    public String promptKey() {
        return key;
    }
}
