package vn.dvc.hotline.ivr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a list of {@link MenuNode}s against the rules a caller-facing menu must keep, and describes
 * every broken rule as a {@link MenuViolation}.
 *
 * <p>The rules:
 * <ul>
 *   <li>keys match {@code [a-z0-9._-]+}, are at most {@value #MAX_KEY_LENGTH} characters, are unique, and do
 *       not start with {@code system.} (those prompt keys belong to {@link SystemPrompt});</li>
 *   <li>exactly one root (no {@code parentKey}); it is a {@link NodeKind#MENU} and has no digit;</li>
 *   <li>every other node names an existing parent, which is a MENU, and is reachable from the root
 *       (no cycles of parents);</li>
 *   <li>every other node has a digit {@code 1}–{@code 9}, unique among its siblings: in a menu
 *       {@code 0} means "repeat" and {@code *} means "back", and {@code #} ends multi-digit input;</li>
 *   <li>every MENU has at least one child, else the caller could only repeat or go back;</li>
 *   <li>prompt texts are not blank;</li>
 *   <li>a SERVICE names its voice service in {@code target} (same syntax as keys); no other kind has a target.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class MenuValidator {

    /** Longest accepted node key or service name. */
    public static final int MAX_KEY_LENGTH = 64;

    static final String SYSTEM_PREFIX = "system.";

    private static final Pattern KEY = Pattern.compile("[a-z0-9._-]+");

    /**
     * @param nodes the complete menu, in any order; may contain nulls and any invalid values
     * @return every violation found, nodes in submitted order first, then menu-wide ones; empty if valid
     */
    public List<MenuViolation> validate(List<MenuNode> nodes) {
        if (nodes == null || nodes.isEmpty()) {
            return List.of(MenuViolation.menuWide("the menu has no nodes: it needs at least a root MENU"));
        }
        List<MenuViolation> violations = new ArrayList<>();
        Map<String, Integer> indexByKey = indexKeys(nodes, violations);
        Integer rootIndex = null;
        Map<String, Map<Character, Integer>> digitsByParent = new HashMap<>();
        Map<String, Integer> childCount = new HashMap<>();

        for (int i = 0; i < nodes.size(); i++) {
            MenuNode node = nodes.get(i);
            if (node == null) {
                continue;
            }
            checkPrompt(i, node, violations);
            checkKindAndTarget(i, node, violations);
            if (!node.hasParent()) {
                if (rootIndex == null) {
                    rootIndex = i;
                    checkRoot(i, node, violations);
                } else {
                    violations.add(violation(i, node, "parentKey", "only one root is allowed and node #" + rootIndex
                            + " '" + nodes.get(rootIndex).key() + "' is already the root; set parentKey to the menu"
                            + " this node belongs to"));
                }
                continue;
            }
            checkParent(i, node, nodes, indexByKey, violations);
            checkDigit(i, node, nodes, digitsByParent, violations);
            childCount.merge(node.parentKey(), 1, Integer::sum);
        }

        if (rootIndex == null) {
            violations.add(MenuViolation.menuWide(
                    "the menu has no root: exactly one MENU node must have no parentKey (by convention key 'root')"));
        } else {
            checkReachable(nodes, indexByKey, rootIndex, violations);
        }
        checkMenusHaveChildren(nodes, indexByKey, childCount, violations);
        // Node order first, so an editor can walk the list top to bottom; menu-wide problems last.
        violations.sort(Comparator.comparingInt(v -> v.isMenuWide() ? Integer.MAX_VALUE : v.nodeIndex()));
        return List.copyOf(violations);
    }

    /** Records each valid key's first position; reports null nodes and bad or duplicate keys. */
    private static Map<String, Integer> indexKeys(List<MenuNode> nodes, List<MenuViolation> violations) {
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            MenuNode node = nodes.get(i);
            if (node == null) {
                violations.add(new MenuViolation(i, null, null, "node must not be null"));
                continue;
            }
            String key = node.key();
            if (key == null || key.isBlank()) {
                violations.add(violation(i, node, "key", "is required"));
            } else if (!isWellFormedName(key)) {
                violations.add(violation(i, node, "key", "must match [a-z0-9._-]+ and be at most "
                        + MAX_KEY_LENGTH + " characters (lower-case ASCII, no spaces or diacritics)"));
            } else if (key.startsWith(SYSTEM_PREFIX)) {
                violations.add(violation(i, node, "key", "must not start with '" + SYSTEM_PREFIX
                        + "': those prompt keys are reserved for system prompts"));
            } else {
                Integer first = indexByKey.putIfAbsent(key, i);
                if (first != null) {
                    violations.add(violation(i, node, "key", "duplicate: node #" + first + " already uses this key"));
                }
            }
        }
        return indexByKey;
    }

    private static void checkPrompt(int i, MenuNode node, List<MenuViolation> violations) {
        if (node.promptText() == null || node.promptText().isBlank()) {
            violations.add(violation(i, node, "promptText", "must not be empty: it is what the caller hears"));
        }
    }

    private static void checkKindAndTarget(int i, MenuNode node, List<MenuViolation> violations) {
        if (node.kind() == null) {
            violations.add(violation(i, node, "kind", "is required: one of MENU, MESSAGE, SERVICE, HANGUP"));
            return;
        }
        String target = node.target();
        if (node.kind() == NodeKind.SERVICE) {
            if (target == null || target.isBlank()) {
                violations.add(violation(i, node, "target", "is required for a SERVICE node: the name of its voice"
                        + " service, e.g. 'dossier-status'"));
            } else if (!isWellFormedName(target)) {
                violations.add(violation(i, node, "target", "must match [a-z0-9._-]+ and be at most "
                        + MAX_KEY_LENGTH + " characters"));
            }
        } else if (target != null) {
            violations.add(violation(i, node, "target", "only SERVICE nodes have a target; leave it empty for "
                    + node.kind()));
        }
    }

    private static void checkRoot(int i, MenuNode root, List<MenuViolation> violations) {
        if (root.digit() != null) {
            violations.add(violation(i, root, "digit", "must be empty for the root: no key chooses it"));
        }
        if (root.kind() != null && root.kind() != NodeKind.MENU) {
            violations.add(violation(i, root, "kind", "must be MENU for the root: every call starts there and"
                    + " returns there"));
        }
    }

    private static void checkParent(int i, MenuNode node, List<MenuNode> nodes, Map<String, Integer> indexByKey,
            List<MenuViolation> violations) {
        Integer parentIndex = indexByKey.get(node.parentKey());
        if (parentIndex == null) {
            violations.add(violation(i, node, "parentKey", "no node has the key '" + node.parentKey() + "'"));
            return;
        }
        MenuNode parent = nodes.get(parentIndex);
        if (parent.kind() != null && parent.kind() != NodeKind.MENU) {
            violations.add(violation(i, node, "parentKey", "parent '" + parent.key() + "' is a " + parent.kind()
                    + "; only MENU nodes have children"));
        }
    }

    private static void checkDigit(int i, MenuNode node, List<MenuNode> nodes,
            Map<String, Map<Character, Integer>> digitsByParent, List<MenuViolation> violations) {
        Character digit = node.digit();
        if (digit == null) {
            violations.add(violation(i, node, "digit", "is required: the key 1-9 that chooses this node in menu '"
                    + node.parentKey() + "'"));
            return;
        }
        if (digit < '1' || digit > '9') {
            violations.add(violation(i, node, "digit", "must be 1-9, was '" + digit
                    + "': in a menu 0 repeats the prompt, * goes back and # ends multi-digit input"));
            return;
        }
        Integer sibling = digitsByParent.computeIfAbsent(node.parentKey(), parent -> new HashMap<>()).putIfAbsent(digit, i);
        if (sibling != null) {
            violations.add(violation(i, node, "digit", "duplicate: '" + digit + "' already chooses node '"
                    + nodes.get(sibling).key() + "' in menu '" + node.parentKey() + "'"));
        }
    }

    /**
     * A node the root cannot reach sits on, or below, a cycle of parents, or below a node already reported
     * (unknown parent, second root). Only the cycle is reported here: fixing the reported ancestor fixes
     * the rest, and repeating it for every descendant would bury the real mistake.
     */
    private static void checkReachable(List<MenuNode> nodes, Map<String, Integer> indexByKey, int rootIndex,
            List<MenuViolation> violations) {
        Set<Integer> reachable = new LinkedHashSet<>();
        reachable.add(rootIndex);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < nodes.size(); i++) {
                MenuNode node = nodes.get(i);
                if (node == null || !node.hasParent() || reachable.contains(i)) {
                    continue;
                }
                Integer parentIndex = indexByKey.get(node.parentKey());
                if (parentIndex != null && reachable.contains(parentIndex)) {
                    reachable.add(i);
                    grew = true;
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            MenuNode node = nodes.get(i);
            if (node == null || !node.hasParent() || reachable.contains(i)) {
                continue;
            }
            String cycle = cycleAbove(node, nodes, indexByKey);
            if (cycle != null) {
                violations.add(violation(i, node, "parentKey", "node is unreachable from the root: its parents"
                        + " form a cycle (" + cycle + "); point one of them at a menu under the root"));
            }
        }
    }

    /** @return the chain of keys from {@code start} up to the first repeated key, or null if it ends without one */
    private static String cycleAbove(MenuNode start, List<MenuNode> nodes, Map<String, Integer> indexByKey) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        MenuNode current = start;
        while (current != null && current.key() != null && seen.add(current.key())) {
            chain.add(current.key());
            Integer parentIndex = current.parentKey() == null ? null : indexByKey.get(current.parentKey());
            current = parentIndex == null ? null : nodes.get(parentIndex);
        }
        if (current == null || current.key() == null) {
            return null;
        }
        chain.add(current.key());
        return String.join(" -> ", chain);
    }

    private static void checkMenusHaveChildren(List<MenuNode> nodes, Map<String, Integer> indexByKey,
            Map<String, Integer> childCount, List<MenuViolation> violations) {
        for (int i = 0; i < nodes.size(); i++) {
            MenuNode node = nodes.get(i);
            if (node == null || node.kind() != NodeKind.MENU || node.key() == null) {
                continue;
            }
            // Only the node that owns the key can have children; a duplicate was reported already.
            if (Integer.valueOf(i).equals(indexByKey.get(node.key())) && !childCount.containsKey(node.key())) {
                violations.add(violation(i, node, "kind", "a MENU needs at least one child, otherwise the caller"
                        + " can only repeat or go back; add children or make it a MESSAGE"));
            }
        }
    }

    private static boolean isWellFormedName(String name) {
        return name.length() <= MAX_KEY_LENGTH && KEY.matcher(name).matches();
    }

    private static MenuViolation violation(int index, MenuNode node, String field, String message) {
        return new MenuViolation(index, node.key(), field, message);
    }
}
