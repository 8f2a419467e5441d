package vn.dvc.hotline.ivr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, immutable snapshot of the IVR menu.
 *
 * <p>Each {@link CallFlow} is given the snapshot that is current when the call is answered and keeps it
 * until hang-up, so an edit never strands a caller on a node that has just been removed; new calls
 * pick up the new snapshot without a restart. Publishing the current snapshot (for example through a
 * {@code volatile} field or an {@code AtomicReference}) is the job of whoever loads it.
 *
 * <p>Immutable; safe to share between threads and calls.
 */
public final class MenuTree {

    private static final Comparator<MenuNode> BY_DIGIT = Comparator.comparing(MenuNode::digit);

    private final MenuNode root;
    private final Map<String, MenuNode> byKey;
    private final Map<String, List<MenuNode>> childrenByKey;
    private final List<MenuNode> nodesInOrder;

    private MenuTree(List<MenuNode> nodes) {
        Map<String, MenuNode> keys = new HashMap<>();
        Map<String, List<MenuNode>> children = new HashMap<>();
        MenuNode foundRoot = null;
        for (MenuNode node : nodes) {
            keys.put(node.key(), node);
            if (!node.hasParent()) {
                foundRoot = node;
            } else {
                children.computeIfAbsent(node.parentKey(), parent -> new ArrayList<>()).add(node);
            }
        }
        Map<String, List<MenuNode>> sorted = new HashMap<>();
        children.forEach((parent, list) -> {
            list.sort(BY_DIGIT);
            sorted.put(parent, List.copyOf(list));
        });
        this.root = foundRoot;
        this.byKey = Map.copyOf(keys);
        this.childrenByKey = Map.copyOf(sorted);
        List<MenuNode> ordered = new ArrayList<>(nodes.size());
        addDepthFirst(foundRoot, ordered);
        this.nodesInOrder = List.copyOf(ordered);
    }

    /**
     * Builds a tree after checking every rule of {@link MenuValidator}.
     *
     * @param nodes the complete menu, in any order
     * @return the tree
     * @throws InvalidMenuException listing every violation, if the nodes do not form a valid menu
     */
    public static MenuTree of(List<MenuNode> nodes) {
        List<MenuViolation> violations = new MenuValidator().validate(nodes);
        if (!violations.isEmpty()) {
            throw new InvalidMenuException(violations);
        }
        return new MenuTree(nodes);
    }

    /**
     * Returns a new tree in which {@code node} replaces the node with the same key, or is added if no node
     * has that key; this tree is unchanged. Suits a PATCH of one node.
     *
     * @throws InvalidMenuException if the result is not a valid menu
     */
    public MenuTree withNode(MenuNode node) {
        List<MenuNode> nodes = new ArrayList<>(nodesInOrder.size() + 1);
        boolean replaced = false;
        for (MenuNode existing : nodesInOrder) {
            if (node != null && existing.key().equals(node.key())) {
                nodes.add(node);
                replaced = true;
            } else {
                nodes.add(existing);
            }
        }
        if (!replaced) {
            nodes.add(node);
        }
        return of(nodes);
    }

    /** @return the root MENU, where every call starts */
    public MenuNode root() {
        return root;
    }

    /** @return the node with this key, if any */
    public Optional<MenuNode> node(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return the child of {@code menu} chosen by {@code digit}, if any */
    public Optional<MenuNode> child(MenuNode menu, char digit) {
        for (MenuNode child : children(menu)) {
            if (child.digit() == digit) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** @return the children of {@code node} in digit order; empty for nodes other than MENU */
    public List<MenuNode> children(MenuNode node) {
        return childrenByKey.getOrDefault(node.key(), List.of());
    }

    /** @return the parent MENU of {@code node}; empty for the root */
    public Optional<MenuNode> parent(MenuNode node) {
        return node.hasParent() ? node(node.parentKey()) : Optional.empty();
    }

    /** @return every node, depth first from the root, siblings in digit order: a stable order for GET */
    public List<MenuNode> nodes() {
        return nodesInOrder;
    }

    private void addDepthFirst(MenuNode node, List<MenuNode> into) {
        into.add(node);
        for (MenuNode child : childrenByKey.getOrDefault(node.key(), List.of())) {
            addDepthFirst(child, into);
        }
    }
}
