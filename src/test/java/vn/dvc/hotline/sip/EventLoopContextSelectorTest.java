package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopContextSelectorTest {

    @Test
    void oneContextOnEachLoopAndACallIdAlwaysOnTheSameOne() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3));
        try {
            // Another component taking loops from the pool's round robin does not make two contexts share one.
            vertx.getOrCreateContext();
            EventLoopContextSelector selector = EventLoopContextSelector.onEveryLoop(vertx);

            assertEquals(3, selector.size());
            Map<EventLoop, Integer> callsPerLoop = new HashMap<>();
            Set<Context> contexts = new HashSet<>();
            for (int i = 0; i < 3000; i++) {
                String callId = "L" + i + "-1-4d2@127.0.0.1";
                Context context = selector.contextFor(callId);
                assertSame(context, selector.contextFor(callId));
                assertTrue(context.isEventLoopContext());
                contexts.add(context);
                callsPerLoop.merge(((ContextInternal) context).nettyEventLoop(), 1, Integer::sum);
            }
            assertEquals(3, contexts.size());
            assertEquals(3, callsPerLoop.size(), "every loop takes calls");
            callsPerLoop.values().forEach(calls -> assertEquals(1000, calls, 100, "calls spread evenly"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
