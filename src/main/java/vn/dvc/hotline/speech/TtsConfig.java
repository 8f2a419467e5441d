package vn.dvc.hotline.speech;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Speech synthesis with espeak-ng and the prompt audio cache. */
@ConfigMapping(prefix = "hotline.tts")
public interface TtsConfig {

    /**
     * The espeak-ng voice prompts are rendered with: {@code vi-vn-x-south} (the reference province is in the south),
     * {@code vi-vn-x-central} or {@code vi} (northern); a variant suffix such as {@code +f3} is allowed. The voice
     * also picks the regional reading of numbers ("một nghìn" / "một ngàn"). Changing it re-renders every prompt
     * that is not a staff upload.
     */
    @WithDefault("vi-vn-x-south")
    String voice();

    /**
     * The espeak-ng executable: a name looked up on {@code PATH} or an absolute path. If it cannot be run, the
     * service still starts and plays the stored and shipped audio; only new or edited texts stay silent.
     */
    @WithDefault("espeak-ng")
    String command();

    /** Speaking rate in words per minute (espeak-ng {@code -s}); 150 is calm and clear on a phone line. */
    @WithDefault("150")
    int speed();

    /** How many espeak-ng processes may run at once; renders beyond that wait in a bounded queue. */
    @WithDefault("2")
    int maxConcurrentRenders();

    /** How many renders may wait for a free process before new ones are refused. */
    @WithDefault("500")
    int maxQueuedRenders();

    /** Longest one espeak-ng run may take before it is killed and the render counts as failed. */
    @WithDefault("30s")
    Duration renderTimeout();

    /**
     * Folder of rendered audio, one {@code <text-hash>.ulaw} file per text and voice, so that a restart or a
     * second instance on the same volume need not render again. The database stays the source of truth.
     */
    @WithDefault("${hotline.data-dir:./data}/prompts")
    Path cacheDir();

    /**
     * How often the prompt rows are compared with the database, to pick up audio uploaded or rendered by
     * another instance of the service.
     */
    @WithDefault("30s")
    Duration refreshInterval();
}
