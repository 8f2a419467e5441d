package vn.dvc.hotline.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class MenuPathTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MenuPath path = new MenuPath(step -> {
        try {
            return mapper.writeValueAsString(step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private static MenuStep step(int i) {
        return new MenuStep("node-" + i, i % 2 == 0 ? "1" : "*#", Instant.parse("2026-11-29T01:00:00Z").plusMillis(i));
    }

    @Test
    void aViewKeepsItsStepsWhileThePathGrowsPastItsArrays() throws Exception {
        List<MenuStep> expected = new ArrayList<>();
        List<MenuPath.Steps> views = new ArrayList<>();
        List<List<MenuStep>> copies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assertTrue(path.add(step(i)));
            expected.add(step(i));
            views.add(path.steps());
            copies.add(List.copyOf(expected));
        }
        for (int i = 0; i < views.size(); i++) {
            assertEquals(copies.get(i), views.get(i), "view " + i);
            assertEquals(mapper.writeValueAsString(copies.get(i)), views.get(i).json(), "json of view " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> views.get(3).get(4));
    }

    @Test
    void theJsonReadsBackAsTheSteps() throws Exception {
        assertEquals("[]", path.steps().json());
        path.add(step(1));
        path.add(new MenuStep("quote\"and\\slash", "0", Instant.parse("2026-11-29T01:00:00.123456789Z")));
        MenuStep[] read = mapper.readValue(path.steps().json(), MenuStep[].class);
        assertEquals(path.steps(), List.of(read));
    }

    @Test
    void aPathStopsRecordingAtItsLimit() {
        for (int i = 0; i < MenuPath.MAX_STEPS; i++) {
            assertTrue(path.add(step(i)));
        }
        assertFalse(path.add(step(MenuPath.MAX_STEPS)));
        assertEquals(MenuPath.MAX_STEPS, path.steps().size());
        assertEquals(step(MenuPath.MAX_STEPS - 1), path.steps().get(MenuPath.MAX_STEPS - 1));
    }
}
