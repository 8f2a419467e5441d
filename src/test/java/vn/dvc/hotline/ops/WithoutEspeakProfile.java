package vn.dvc.hotline.ops;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A machine without espeak-ng: the command does not exist. Same embedded database as the other tests. */
public class WithoutEspeakProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hotline.tts.command", "/nonexistent/espeak-ng");
    }
}
