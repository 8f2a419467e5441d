package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MenuValidatorTest {

    private final MenuValidator validator = new MenuValidator();

    static MenuNode menu(String key, String parent, Character digit) {
        return new MenuNode(key, parent, digit, NodeKind.MENU, "Menu " + key, null);
    }

    static MenuNode message(String key, String parent, char digit) {
        return new MenuNode(key, parent, digit, NodeKind.MESSAGE, "Tin nhắn " + key, null);
    }

    static MenuNode service(String key, String parent, char digit, String target) {
        return new MenuNode(key, parent, digit, NodeKind.SERVICE, "Dịch vụ " + key + " đang được chuẩn bị", target);
    }

    /** A valid menu; each test breaks one thing. */
    private static List<MenuNode> valid() {
        return new ArrayList<>(List.of(
                menu("root", null, null),
                menu("info", "root", '1'),
                message("info.fees", "info", '1'),
                new MenuNode("info.bye", "info", '2', NodeKind.HANGUP, "Tạm biệt", null),
                service("dossier", "root", '2', "dossier-status")));
    }

    private List<MenuViolation> violationsAfter(int index, MenuNode replacement) {
        List<MenuNode> nodes = valid();
        nodes.set(index, replacement);
        return validator.validate(nodes);
    }

    /** Asserts exactly one violation, on the given node and field, whose message mentions {@code phrase}. */
    private static void assertSingle(List<MenuViolation> violations, int index, String field, String phrase) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        MenuViolation violation = violations.get(0);
        assertEquals(index, violation.nodeIndex(), violation::toString);
        assertEquals(field, violation.field(), violation::toString);
        assertTrue(violation.message().contains(phrase), () -> "'" + phrase + "' not in: " + violation);
    }

    @Test
    void validMenuHasNoViolations() {
        assertEquals(List.of(), validator.validate(valid()));
    }

    @Test
    void emptyMenu() {
        List<MenuViolation> violations = validator.validate(List.of());
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).isMenuWide());
        assertTrue(violations.get(0).message().contains("no nodes"));
        assertEquals(1, validator.validate(null).size());
    }

    @Test
    void nullNode() {
        List<MenuNode> nodes = valid();
        nodes.add(null);
        assertSingle(validator.validate(nodes), 5, null, "must not be null");
    }

    @Test
    void missingKey() {
        assertSingle(violationsAfter(4, service(null, "root", '2', "dossier-status")), 4, "key", "required");
        assertSingle(violationsAfter(4, service(" ", "root", '2', "dossier-status")), 4, "key", "required");
    }

    @Test
    void malformedKeys() {
        for (String bad : List.of("Dossier", "hồ-sơ", "dossier status", "a/b", "x".repeat(65))) {
            assertSingle(violationsAfter(4, service(bad, "root", '2', "dossier-status")), 4, "key", "[a-z0-9._-]+");
        }
        assertEquals(List.of(), violationsAfter(4, service("x".repeat(64), "root", '2', "dossier-status")));
    }

    @Test
    void systemPrefixIsReserved() {
        assertSingle(violationsAfter(4, service("system.goodbye", "root", '2', "dossier-status")), 4, "key", "reserved");
    }

    @Test
    void duplicateKey() {
        List<MenuNode> nodes = valid();
        nodes.add(message("info.fees", "root", '3'));
        assertSingle(validator.validate(nodes), 5, "key", "duplicate: node #2");
    }

    @Test
    void missingRoot() {
        List<MenuViolation> violations = violationsAfter(0, menu("root", "info", '9'));
        assertTrue(violations.stream().anyMatch(v -> v.isMenuWide() && v.message().contains("no root")), violations::toString);
    }

    @Test
    void secondRoot() {
        List<MenuNode> nodes = valid();
        nodes.add(menu("other", null, null));
        nodes.add(message("other.child", "other", '1'));
        assertSingle(validator.validate(nodes), 5, "parentKey", "only one root");
    }

    @Test
    void rootWithDigit() {
        assertSingle(violationsAfter(0, menu("root", null, '1')), 0, "digit", "must be empty for the root");
    }

    @Test
    void rootMustBeAMenu() {
        List<MenuNode> nodes = List.of(new MenuNode("root", null, null, NodeKind.MESSAGE, "Xin chào", null));
        assertSingle(validator.validate(nodes), 0, "kind", "must be MENU for the root");
    }

    @Test
    void unknownParent() {
        assertSingle(violationsAfter(4, service("dossier", "nowhere", '2', "dossier-status")), 4, "parentKey",
                "no node has the key 'nowhere'");
    }

    @Test
    void parentMustBeAMenu() {
        List<MenuNode> nodes = valid();
        nodes.add(message("info.fees.more", "info.fees", '1'));
        assertSingle(validator.validate(nodes), 5, "parentKey", "parent 'info.fees' is a MESSAGE");
    }

    @Test
    void cycleIsUnreachable() {
        List<MenuNode> nodes = valid();
        nodes.add(menu("a", "b", '1'));
        nodes.add(menu("b", "a", '1'));
        List<MenuViolation> violations = validator.validate(nodes);
        assertEquals(2, violations.size(), violations::toString);
        assertEquals(List.of(5, 6), violations.stream().map(MenuViolation::nodeIndex).toList());
        assertTrue(violations.get(0).message().contains("unreachable"), violations::toString);
        assertTrue(violations.get(0).message().contains("cycle (a -> b -> a)"), violations::toString);
    }

    @Test
    void belowACycleIsReportedWithTheCycle() {
        List<MenuNode> nodes = valid();
        nodes.add(menu("a", "b", '1'));
        nodes.add(menu("b", "a", '1'));
        nodes.add(message("c", "b", '2'));
        List<MenuViolation> violations = validator.validate(nodes);
        assertEquals(3, violations.size(), violations::toString);
        assertTrue(violations.get(2).message().contains("cycle (c -> b -> a -> b)"), violations::toString);
    }

    @Test
    void descendantsOfAnUnknownParentAreNotReportedAgain() {
        List<MenuNode> nodes = valid();
        nodes.add(menu("lost", "nowhere", '5'));
        nodes.add(message("lost.child", "lost", '1'));
        assertSingle(validator.validate(nodes), 5, "parentKey", "no node has the key 'nowhere'");
    }

    @Test
    void selfParentIsACycle() {
        List<MenuNode> nodes = valid();
        nodes.add(message("loop", "loop", '1'));
        List<MenuViolation> violations = validator.validate(nodes);
        assertTrue(violations.stream().anyMatch(v -> v.nodeIndex() == 5 && v.message().contains("cycle")),
                violations::toString);
    }

    @Test
    void missingDigit() {
        assertSingle(violationsAfter(4, new MenuNode("dossier", "root", null, NodeKind.SERVICE, "x", "dossier-status")),
                4, "digit", "is required");
    }

    @Test
    void reservedAndNonDigitKeys() {
        for (char bad : new char[] {'0', '*', '#', 'A', 'x'}) {
            assertSingle(violationsAfter(4, service("dossier", "root", bad, "dossier-status")), 4, "digit",
                    "must be 1-9");
        }
    }

    @Test
    void duplicateDigitUnderOneParent() {
        assertSingle(violationsAfter(4, service("dossier", "root", '1', "dossier-status")), 4, "digit",
                "'1' already chooses node 'info' in menu 'root'");
    }

    @Test
    void sameDigitUnderDifferentParentsIsFine() {
        List<MenuNode> nodes = valid();
        assertEquals('1', nodes.get(1).digit());
        assertEquals('1', nodes.get(2).digit());
        assertEquals(List.of(), validator.validate(nodes));
    }

    @Test
    void blankPrompt() {
        assertSingle(violationsAfter(2, new MenuNode("info.fees", "info", '1', NodeKind.MESSAGE, "  ", null)), 2,
                "promptText", "must not be empty");
        assertSingle(violationsAfter(2, new MenuNode("info.fees", "info", '1', NodeKind.MESSAGE, null, null)), 2,
                "promptText", "must not be empty");
    }

    @Test
    void missingKind() {
        assertSingle(violationsAfter(2, new MenuNode("info.fees", "info", '1', null, "x", null)), 2, "kind",
                "is required");
    }

    @Test
    void serviceWithoutTarget() {
        assertSingle(violationsAfter(4, service("dossier", "root", '2', null)), 4, "target", "is required");
        assertSingle(violationsAfter(4, service("dossier", "root", '2', "")), 4, "target", "is required");
    }

    @Test
    void malformedTarget() {
        assertSingle(violationsAfter(4, service("dossier", "root", '2', "Dossier Status")), 4, "target",
                "[a-z0-9._-]+");
    }

    @Test
    void targetOnlyOnServices() {
        assertSingle(violationsAfter(2, new MenuNode("info.fees", "info", '1', NodeKind.MESSAGE, "x", "info")), 2,
                "target", "only SERVICE nodes have a target");
    }

    @Test
    void menuWithoutChildren() {
        assertSingle(violationsAfter(4, menu("dossier", "root", '2')), 4, "kind", "at least one child");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        List<MenuNode> nodes = Arrays.asList(
                menu("root", null, '5'),
                new MenuNode("Bad", "root", '0', NodeKind.SERVICE, "", null));
        List<MenuViolation> violations = validator.validate(nodes);
        assertEquals(List.of("0 digit", "1 key", "1 promptText", "1 target", "1 digit"),
                violations.stream().map(v -> v.nodeIndex() + " " + v.field()).toList());
    }

    @Test
    void treeRefusesInvalidNodesWithEveryViolation() {
        List<MenuNode> nodes = valid();
        nodes.set(4, service("dossier", "root", '1', null));
        InvalidMenuException error = assertThrows(InvalidMenuException.class, () -> MenuTree.of(nodes));
        assertEquals(2, error.violations().size(), error::getMessage);
        assertTrue(error.getMessage().contains("node #4 'dossier', target: is required"), error::getMessage);
    }
}
