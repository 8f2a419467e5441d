package vn.dvc.hotline.sip;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Spreads calls over a fixed set of event-loop contexts by a hash of the Call-ID.
 *
 * <p>The contexts are those of N instances of a trivial verticle: Vert.x gives each instance its own
 * event loop (round robin), which is the public way to obtain N distinct loops. Immutable after
 * {@link #deploy}; {@link #contextFor} is safe on any thread.
 */
public final class EventLoopContextSelector implements CallContextSelector {

    private final Context[] contexts;

    private EventLoopContextSelector(List<Context> contexts) {
        this.contexts = contexts.toArray(new Context[0]);
    }

    /**
     * Deploys {@code instances} verticles and returns a selector over their contexts.
     *
     * @param vertx the Vert.x instance
     * @param instances number of contexts, usually the event-loop pool size
     */
    public static Future<EventLoopContextSelector> deploy(Vertx vertx, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, was " + instances);
        }
        List<Context> contexts = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> new AbstractVerticle() {
                    @Override
                    public void start() {
                        contexts.add(context);
                    }
                }, new DeploymentOptions().setInstances(instances))
                .map(id -> new EventLoopContextSelector(contexts));
    }

    @Override
    public Context contextFor(String callId) {
        // floorMod: hashCode may be negative
        return contexts[Math.floorMod(callId.hashCode(), contexts.length)];
    }

    /** Number of contexts. */
    public int size() {
        return contexts.length;
    }
}
