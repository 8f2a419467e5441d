package vn.dvc.hotline.calls;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the voice menu collects keys. */
@ConfigMapping(prefix = "hotline.ivr")
public interface IvrConfig {

    /** Times a caller hears "not understood" and the question again before goodbye and hang-up. */
    @WithDefault("3")
    int maxRetries();

    /** How long to wait for the first key after a question ends. */
    @WithDefault("5s")
    Duration firstDigitTimeout();

    /** How long to wait for the next key of a multi-digit answer. */
    @WithDefault("3s")
    Duration interDigitTimeout();
}
