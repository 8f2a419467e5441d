package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvc.hotline.ivr.MenuValidatorTest.menu;
import static vn.dvc.hotline.ivr.MenuValidatorTest.message;
import static vn.dvc.hotline.ivr.MenuValidatorTest.service;

import java.util.List;

import org.junit.jupiter.api.Test;

class MenuTreeTest {

    // Deliberately out of order: the tree sorts siblings by digit.
    private final MenuTree tree = MenuTree.of(List.of(
            message("info.fees", "info", '2'),
            service("dossier", "root", '2', "dossier-status"),
            menu("info", "root", '1'),
            message("info.docs", "info", '1'),
            menu("root", null, null)));

    @Test
    void navigates() {
        MenuNode root = tree.root();
        assertEquals("root", root.key());
        assertEquals("info", tree.child(root, '1').orElseThrow().key());
        assertTrue(tree.child(root, '7').isEmpty());
        assertEquals("info", tree.parent(tree.node("info.fees").orElseThrow()).orElseThrow().key());
        assertEquals("root", tree.parent(tree.node("info").orElseThrow()).orElseThrow().key());
        assertTrue(tree.parent(root).isEmpty());
        assertEquals(List.of(), tree.children(tree.node("dossier").orElseThrow()));
        assertTrue(tree.node("nowhere").isEmpty());
    }

    @Test
    void listsNodesDepthFirstInDigitOrder() {
        assertEquals(List.of("root", "info", "info.docs", "info.fees", "dossier"),
                tree.nodes().stream().map(MenuNode::key).toList());
    }

    @Test
    void withNodeReplacesOrAddsAndLeavesTheOriginalAlone() {
        MenuTree edited = tree.withNode(new MenuNode("info.fees", "info", '3', NodeKind.MESSAGE, "Lệ phí", null));
        assertEquals('3', edited.node("info.fees").orElseThrow().digit());
        assertEquals('2', tree.node("info.fees").orElseThrow().digit());

        MenuTree grown = tree.withNode(message("hours", "root", '3'));
        assertEquals(6, grown.nodes().size());
        assertEquals("hours", grown.child(grown.root(), '3').orElseThrow().key());
    }

    @Test
    void withNodeValidatesTheResult() {
        InvalidMenuException error = assertThrows(InvalidMenuException.class,
                () -> tree.withNode(message("hours", "root", '1')));
        assertEquals("digit", error.violations().get(0).field());
    }
}
