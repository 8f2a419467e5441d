package vn.dvc.hotline.sip;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads calls over the Vert.x event loops by a hash of the Call-ID: one context on each loop of the pool.
 *
 * <p>The contexts are made on the loops themselves, not taken from deployed verticles: a deployment gets its
 * loops from the pool's round robin, which other components advance at the same time, and two contexts on one
 * loop would give that loop twice its share of the calls. Immutable after {@link #onEveryLoop};
 * {@link #contextFor} is safe on any thread.
 */
public final class EventLoopContextSelector implements CallContextSelector {

    private final Context[] contexts;

    private EventLoopContextSelector(List<Context> contexts) {
        this.contexts = contexts.toArray(new Context[0]);
    }

    /** A selector over one new context on each event loop of {@code vertx}. */
    public static EventLoopContextSelector onEveryLoop(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        List<Context> contexts = new ArrayList<>();
        for (EventExecutor loop : internal.getEventLoopGroup()) {
            contexts.add(internal.createEventLoopContext((EventLoop) loop, null,
                    Thread.currentThread().getContextClassLoader()));
        }
        return new EventLoopContextSelector(contexts);
    }

    @Override
    public Context contextFor(String callId) {
        // floorMod: hashCode may be negative
        return contexts[Math.floorMod(callId.hashCode(), contexts.length)];
    }

    /** Number of contexts: the event loops calls are spread over. */
    public int size() {
        return contexts.length;
    }
}
