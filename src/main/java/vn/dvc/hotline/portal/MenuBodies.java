package vn.dvc.hotline.portal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.dvc.hotline.ivr.InvalidMenuException;
import vn.dvc.hotline.ivr.MenuNode;
import vn.dvc.hotline.ivr.MenuTree;
import vn.dvc.hotline.ivr.MenuViolation;
import vn.dvc.hotline.ivr.NodeKind;

/** The IVR menu on the wire, and its conversion to and from {@link MenuNode}s. */
final class MenuBodies {

    private MenuBodies() {
    }

    /** The whole menu: what GET returns and PUT takes. */
    @Schema(name = "Menu")
    record MenuBody(@Schema(description = "Every node; GET lists them depth first from the root, siblings by digit")
            List<MenuNodeBody> nodes) {
    }

    /** One node; a PATCH merges some of these fields (not the key) into the stored node. */
    @Schema(name = "MenuNode")
    record MenuNodeBody(
            @Schema(example = "hours", description = "Unique, [a-z0-9._-]+; also the node's prompt key") String key,
            @Schema(example = "root", description = "The parent MENU; null for the root") String parentKey,
            @Schema(example = "3", description = "The key 1-9 that chooses the node in its parent; null for the root")
            String digit,
            @Schema(example = "SERVICE") NodeKind kind,
            @Schema(example = "Giờ làm việc: sáng từ 7 giờ 30 đến 11 giờ 30.") String promptText,
            @Schema(example = "hours", description = "The voice service of a SERVICE node; null for other kinds")
            String target) {
    }

    static MenuBody toBody(MenuTree tree) {
        return new MenuBody(tree.nodes().stream().map(MenuBodies::toBody).toList());
    }

    static MenuNodeBody toBody(MenuNode node) {
        return new MenuNodeBody(node.key(), node.parentKey(), node.digit() == null ? null : node.digit().toString(),
                node.kind(), node.promptText(), node.target());
    }

    /**
     * @throws InvalidMenuException if a digit is not a single character (the validator checks the rest)
     */
    static List<MenuNode> toNodes(List<MenuNodeBody> bodies) {
        if (bodies == null) {
            throw new InvalidMenuException(List.of(new MenuViolation(MenuViolation.MENU_WIDE, null, null,
                    "nodes is required: the complete menu, at least a root MENU")));
        }
        List<MenuNode> nodes = new ArrayList<>(bodies.size());
        List<MenuViolation> violations = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            MenuNodeBody body = bodies.get(i);
            nodes.add(body == null ? null : toNode(i, body, violations));
        }
        if (!violations.isEmpty()) {
            throw new InvalidMenuException(violations);
        }
        return nodes;
    }

    static MenuNode toNode(int index, MenuNodeBody body, List<MenuViolation> violations) {
        Character digit = null;
        if (body.digit() != null) {
            if (body.digit().length() == 1) {
                digit = body.digit().charAt(0);
            } else {
                violations.add(new MenuViolation(index, body.key(), "digit", "must be one key 1-9, was '"
                        + body.digit() + "'"));
            }
        }
        return new MenuNode(body.key(), body.parentKey(), digit, body.kind(), body.promptText(), body.target());
    }
}
