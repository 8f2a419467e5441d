package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The seeded default menu, {@code seed/menu.json}: valid, complete, spoken well, and walkable. */
class SeedMenuTest {

    /** The file's shape: menu nodes plus the texts of the engine's own prompts. */
    record SeedMenu(List<MenuNode> nodes, Map<String, String> systemPrompts) {
    }

    private static final Pattern VIETNAMESE_LETTER = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static SeedMenu seed;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream json = SeedMenuTest.class.getResourceAsStream("/seed/menu.json")) {
            assertNotNull(json, "seed/menu.json is missing from the classpath");
            seed = new ObjectMapper().readValue(json, SeedMenu.class);
        }
    }

    @Test
    void isAValidMenu() {
        assertEquals(List.of(), new MenuValidator().validate(seed.nodes()));
    }

    @Test
    void offersTheIssuesChoices() {
        MenuTree tree = MenuTree.of(seed.nodes());
        MenuNode root = tree.root();
        assertEquals("root", root.key());
        assertChild(tree, root, '1', "procedures", "procedure-info");
        assertChild(tree, root, '2', "dossier", "dossier-status");
        assertChild(tree, root, '3', "hours", "hours");
        assertChild(tree, root, '9', "rating", "rating");
        assertEquals(4, tree.children(root).size());
    }

    private static void assertChild(MenuTree tree, MenuNode menu, char digit, String key, String target) {
        MenuNode child = tree.child(menu, digit).orElseThrow(() -> new AssertionError("no child for " + digit));
        assertEquals(key, child.key());
        assertEquals(NodeKind.SERVICE, child.kind());
        assertEquals(target, child.target());
    }

    @Test
    void rootNamesEveryKeyInWords() {
        String greeting = seed.nodes().get(0).promptText();
        assertTrue(greeting.startsWith("Xin chào, đây là tổng đài giải đáp tự động dịch vụ công"), greeting);
        for (String key : List.of("phím một", "phím hai", "phím ba", "phím chín", "phím không", "phím sao")) {
            assertTrue(greeting.contains(key), () -> "the greeting does not say '" + key + "'");
        }
    }

    @Test
    void servicesIntroduceThemselvesInsteadOfSayingTheyAreBeingPrepared() {
        seed.nodes().stream().filter(node -> node.kind() == NodeKind.SERVICE)
                .forEach(node -> assertFalse(node.promptText().contains("đang được chuẩn bị"), node::key));
    }

    @Test
    void hasATextForEverySystemPromptAndEveryServicePromptAndNoOthers() {
        Set<String> expected = Arrays.stream(SystemPrompt.values()).map(SystemPrompt::key)
                .collect(Collectors.toCollection(TreeSet::new));
        expected.addAll(ProcedureInfoService.PROMPT_KEYS);
        expected.addAll(DossierStatusService.PROMPT_KEYS);
        expected.addAll(HoursService.PROMPT_KEYS);
        expected.addAll(RatingService.PROMPT_KEYS);
        assertEquals(expected, new TreeSet<>(seed.systemPrompts().keySet()));
        seed.systemPrompts().forEach((key, text) -> assertFalse(text.isBlank(), key));
    }

    @Test
    void everyTextIsVietnameseWithNumbersAsWords() {
        List<String> texts = new ArrayList<>(seed.systemPrompts().values());
        seed.nodes().forEach(node -> texts.add(node.promptText()));
        for (String text : texts) {
            assertTrue(VIETNAMESE_LETTER.matcher(text).find(), () -> "no Vietnamese diacritics: " + text);
            assertFalse(text.matches("(?s).*[0-9#*].*"), () -> "write digits and keys as words: " + text);
        }
    }

    /**
     * A whole call over the seeded menu: the caller explores an unbuilt service, rates the hotline through
     * a stand-in rating service, goes back, then stops answering and is said goodbye to.
     */
    @Test
    void walkThroughACall() {
        RecordingActions actions = new RecordingActions();
        VoiceService rating = ctx -> ctx.collect(List.of("rating.ask"), ctx.digits(1, 1), score -> {
            if (score.charAt(0) < '1' || score.charAt(0) > '5') {
                ctx.retry(List.of("rating.range"));
                return;
            }
            ctx.recordStep(score);
            ctx.play(List.of(SystemPrompt.THANKS.key()), ctx::returnToMenu);
        });
        CallFlow flow = new CallFlow(MenuTree.of(seed.nodes()), Map.of("rating", rating), actions, actions.clock,
                IvrSettings.defaults(), "0281234567");

        flow.start();
        assertEquals(List.of("play root"), actions.take());

        actions.advance(Duration.ofSeconds(8));
        flow.onDigit('3'); // during the greeting
        assertEquals(List.of("step root 3", "play hours"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("play root"), actions.take());

        flow.onPromptFinished();
        actions.advance(Duration.ofSeconds(2));
        flow.onDigit('9');
        assertEquals(List.of("step root 9", "play rating.ask"), actions.take());
        flow.onPromptFinished();
        flow.onDigit('7');
        assertEquals(List.of("play rating.range,rating.ask"), actions.take());
        flow.onDigit('5');
        assertEquals(List.of("step rating 5", "play system.thanks"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("play root"), actions.take());

        flow.onDigit('2');
        assertEquals(List.of("step root 2", "play dossier"), actions.take());
        flow.onDigit('*');
        assertEquals(List.of("step dossier *", "play root"), actions.take());

        for (int retry = 0; retry < 3; retry++) {
            flow.onPromptFinished();
            actions.advance(Duration.ofSeconds(5));
            assertEquals(List.of("play system.not-understood,root"), actions.take());
        }
        flow.onPromptFinished();
        actions.advance(Duration.ofSeconds(5));
        assertEquals(List.of("play system.goodbye"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("hangUp NO_VALID_INPUT"), actions.take());
        assertTrue(flow.isEnded());
        assertEquals(0, actions.timer.pending());
    }

    @Test
    void nodesRoundTripThroughJsonWithoutExtraProperties() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        MenuNode node = seed.nodes().get(1);
        String json = mapper.writeValueAsString(node);
        assertEquals(Set.of("key", "parentKey", "digit", "kind", "promptText", "target"),
                mapper.readTree(json).properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
        assertEquals(node, mapper.readValue(json, MenuNode.class));
    }
}
