package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import vn.dvc.hotline.calls.MenuStore;
import vn.dvc.hotline.ivr.MenuNode;
import vn.dvc.hotline.ivr.NodeKind;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptSource;

/** The editable menu over REST; every test leaves the seeded menu in place for the others. */
@QuarkusTest
class IvrMenuApiTest {

    @Inject
    MenuStore menus;

    @Inject
    PromptLibrary prompts;

    @AfterEach
    void restoreSeedMenu() {
        menus.replace(MenuStore.readSeed().nodes()).await().atMost(Duration.ofSeconds(30));
        assertEquals(MenuStore.readSeed().nodes().size(), menus.current().nodes().size());
    }

    private static Map<String, Object> node(String key, String parent, String digit, String kind, String text,
            String target) {
        Map<String, Object> node = new HashMap<>();
        node.put("key", key);
        node.put("parentKey", parent);
        node.put("digit", digit);
        node.put("kind", kind);
        node.put("promptText", text);
        node.put("target", target);
        return node;
    }

    private static List<Map<String, Object>> seedNodes() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (MenuNode n : MenuStore.readSeed().nodes()) {
            nodes.add(node(n.key(), n.parentKey(), n.digit() == null ? null : n.digit().toString(), n.kind().name(),
                    n.promptText(), n.target()));
        }
        return nodes;
    }

    @Test
    void readingNeedsAStaffToken() {
        given().when().get("/api/v1/ivr/menu").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.portalSync()).when().get("/api/v1/ivr/menu").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON)
                .body(Map.of("nodes", seedNodes())).when().put("/api/v1/ivr/menu").then().statusCode(403);
        given().header("Authorization", Tokens.admin()).when().get("/api/v1/ivr/menu").then().statusCode(200);
    }

    @Test
    void getListsTheSeededMenuDepthFirst() {
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/ivr/menu").then().statusCode(200)
                .body("nodes[0].key", equalTo("root"))
                .body("nodes[0].kind", equalTo("MENU"))
                .body("nodes[1].key", equalTo("procedures"))
                .body("nodes[1].digit", equalTo("1"))
                .body("nodes[1].parentKey", equalTo("root"))
                .body("nodes[1].target", equalTo("procedure-info"))
                .body("nodes.key", hasItems("dossier", "hours", "rating"));
    }

    @Test
    void putReplacesTheMenuAndNewCallsGetItAtOnce() {
        List<Map<String, Object>> nodes = seedNodes();
        String text = "Giờ làm việc thử nghiệm: sáng thứ Hai đến thứ Sáu, từ 7 giờ 30 đến 11 giờ 30.";
        nodes.add(node("test-hours-message", "root", "4", "MESSAGE", text, null));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(Map.of("nodes", nodes))
                .when().put("/api/v1/ivr/menu").then().statusCode(200)
                .body("nodes.key", hasItem("test-hours-message"));

        MenuNode added = menus.current().node("test-hours-message").orElseThrow();
        assertEquals(NodeKind.MESSAGE, added.kind());
        assertEquals('4', added.digit());
        assertEquals(added, menus.current().child(menus.current().root(), '4').orElseThrow());

        // Its prompt is rendered in the background with espeak-ng.
        PromptInfo prompt = awaitPrompt("test-hours-message", info -> info.audioCurrent());
        assertEquals(PromptSource.TTS, prompt.source());
        EncodedClip clip = prompts.clip("test-hours-message").orElseThrow();
        assertTrue(clip.durationMillis() > 2000, clip.toString());
    }

    @Test
    void invalidMenusAreRefusedWithEveryViolation() {
        List<Map<String, Object>> nodes = seedNodes();
        nodes.add(node("loop-a", "loop-b", "1", "MENU", "Vòng một", null));
        nodes.add(node("loop-b", "loop-a", "1", "MENU", "Vòng hai", null));
        nodes.add(node("duplicate", "root", "2", "MESSAGE", "Trùng phím", null));
        nodes.add(node("silent", "root", "5", "MESSAGE", "  ", null));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(Map.of("nodes", nodes))
                .when().put("/api/v1/ivr/menu").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dvc-hotline:problem:invalid-input"))
                .body("errors.field", hasItems("nodes[5].parentKey", "nodes[7].digit", "nodes[8].promptText"))
                .body("errors.find { it.field == 'nodes[5].parentKey' }.message", containsString("unreachable"))
                .body("errors.find { it.field == 'nodes[7].digit' }.message", containsString("duplicate"))
                .body("errors.find { it.field == 'nodes[8].promptText' }.message", containsString("empty"));
        assertTrue(menus.current().node("duplicate").isEmpty(), "an invalid menu must not be published");

        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("nodes", List.of())).when().put("/api/v1/ivr/menu").then().statusCode(400)
                .body("errors[0].field", equalTo("nodes"));
        List<Map<String, Object>> badDigit = seedNodes();
        badDigit.get(1).put("digit", "12");
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("nodes", badDigit)).when().put("/api/v1/ivr/menu").then().statusCode(400)
                .body("errors[0].field", equalTo("nodes[1].digit"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"nodes\":[{\"key\":\"root\",\"kind\":\"LOUDSPEAKER\"}]}").when().put("/api/v1/ivr/menu")
                .then().statusCode(400).body("errors[0].field", equalTo("nodes[0].kind"));
    }

    @Test
    void patchChangesOneNode() {
        String text = "Thông tin giờ làm việc đã được cập nhật, mã " + System.nanoTime() % 1000 + ".";
        given().header("Authorization", Tokens.editor()).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("promptText", text)).when().patch("/api/v1/ivr/nodes/hours").then().statusCode(200)
                .body("key", equalTo("hours"))
                .body("promptText", equalTo(text))
                .body("digit", equalTo("3"))
                .body("target", equalTo("hours"));
        assertEquals(text, menus.current().node("hours").orElseThrow().promptText());
        PromptInfo prompt = awaitPrompt("hours", info -> info.audioCurrent() && info.text().equals(text));
        assertEquals(PromptSource.TTS, prompt.source());

        // A SERVICE turned into a MESSAGE must drop its target: the validator says so.
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MESSAGE")).when().patch("/api/v1/ivr/nodes/hours").then().statusCode(400)
                .body("errors[0].field", equalTo("target"));
        Map<String, Object> message = new HashMap<>();
        message.put("kind", "MESSAGE");
        message.put("target", null);
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(message)
                .when().patch("/api/v1/ivr/nodes/hours").then().statusCode(200).body("kind", equalTo("MESSAGE"));
        assertEquals(NodeKind.MESSAGE, menus.current().node("hours").orElseThrow().kind());
    }

    @Test
    void patchIsValidatedAgainstTheWholeMenu() {
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(Map.of("digit", "2"))
                .when().patch("/api/v1/ivr/nodes/hours").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("digit"))
                .body("errors[0].message", containsString("duplicate"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(Map.of("promptText", ""))
                .when().patch("/api/v1/ivr/nodes/hours").then().statusCode(400)
                .body("errors[0].field", equalTo("promptText"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(Map.of("key", "other"))
                .when().patch("/api/v1/ivr/nodes/hours").then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("colour", "blue")).when().patch("/api/v1/ivr/nodes/hours").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        // Turning the root into a MESSAGE breaks its children: reported on them, with their keys.
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MESSAGE")).when().patch("/api/v1/ivr/nodes/root").then().statusCode(400)
                .body("errors.field", hasItems("kind", "nodes[1].parentKey"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("promptText", "Xin chào")).when().patch("/api/v1/ivr/nodes/no-such-node").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON)
                .body(Map.of("promptText", "Xin chào")).when().patch("/api/v1/ivr/nodes/hours").then()
                .statusCode(403);
        assertEquals(MenuStore.readSeed().nodes().stream().filter(n -> n.key().equals("hours")).findFirst(),
                menus.current().node("hours"));
    }

    @Test
    void editsByAnotherInstanceArePickedUpByReload() {
        // Another instance writes through the same table; reload() is what the periodic refresh runs.
        List<MenuNode> nodes = new ArrayList<>(MenuStore.readSeed().nodes());
        nodes.add(new MenuNode("test-other-instance", "root", '5', NodeKind.HANGUP, "Tạm biệt.", null));
        menus.replace(nodes).await().atMost(Duration.ofSeconds(30));
        assertTrue(menus.reload().await().atMost(Duration.ofSeconds(30)).node("test-other-instance").isPresent());
    }

    private PromptInfo awaitPrompt(String key, java.util.function.Predicate<PromptInfo> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<PromptInfo> info = prompts.info(key);
        while (System.nanoTime() < deadline) {
            info = prompts.info(key);
            if (info.isPresent() && ready.test(info.get())) {
                return info.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("prompt '" + key + "' not ready within 30 s: " + info);
    }
}
