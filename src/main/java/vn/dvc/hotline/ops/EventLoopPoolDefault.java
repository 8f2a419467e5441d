package vn.dvc.hotline.ops;

import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;

/**
 * Defaults the Vert.x event-loop pool to two loops per processor, as Vert.x itself does, where Quarkus gives
 * one per processor.
 *
 * <p>Calls are paced on the event loops, each loop's calls in one burst per half frame. With one loop per
 * core, a core shared with anything else (GC threads, SIP parsing, another process) holds half of the calls'
 * packets back while that loop waits; with two per core the scheduler can move the smaller units to the core
 * that is free. Measured with bench/load on 2 vCPUs, 3,000 calls held, the generator beside the service:
 * jitter samples of 5 ms or more fell from a mean of 7.0 % to 2.5 % (README, Threads), and the service's CPU
 * did not rise.
 *
 * <p>Its ordinal is below application.properties, the environment and system properties, so
 * {@code quarkus.vertx.event-loops-pool-size} set anywhere wins.
 */
public final class EventLoopPoolDefault extends PropertiesConfigSource {

    static final String KEY = "quarkus.vertx.event-loops-pool-size";
    private static final int ORDINAL = 200;

    public EventLoopPoolDefault() {
        super(Map.of(KEY, Integer.toString(2 * Runtime.getRuntime().availableProcessors())),
                "dvc-hotline event-loop default", ORDINAL);
    }
}
