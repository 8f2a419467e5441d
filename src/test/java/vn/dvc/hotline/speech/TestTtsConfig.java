package vn.dvc.hotline.speech;

import java.nio.file.Path;
import java.time.Duration;

/** The defaults of {@link TtsConfig}, with another command or limits if needed, for tests without Quarkus. */
record TestTtsConfig(String command, int maxConcurrentRenders, int maxQueuedRenders) implements TtsConfig {

    TestTtsConfig(String command) {
        this(command, 2, 500);
    }

    static TestTtsConfig defaults() {
        return new TestTtsConfig("espeak-ng");
    }

    @Override
    public String voice() {
        return Region.VOICE_SOUTH;
    }

    @Override
    public int speed() {
        return 150;
    }

    @Override
    public Duration renderTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Path cacheDir() {
        return Path.of("target/test-data/prompts");
    }

    @Override
    public Duration refreshInterval() {
        return Duration.ofSeconds(30);
    }
}
