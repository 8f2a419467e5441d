package vn.dvc.hotline.ops;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.calls.LiveCalls;
import vn.dvc.hotline.sip.SipEndpoint;

/**
 * Lets calls finish when the process is asked to stop (SIGTERM from Kubernetes, Ctrl-C): SIP starts refusing new
 * INVITEs and OPTIONS with 503 + Retry-After (so readiness goes down and the dispatcher moves on), calls in
 * progress go on until they end or {@code hotline.drain.timeout} passes, and only then do SIP and the call
 * recorder stop. Runs before every other shutdown observer.
 *
 * <p>Thread model: the shutdown thread, which may wait; no event loop ever does.
 */
@ApplicationScoped
public class ShutdownDrain {

    /** Shutdown observers that must run after the calls have drained use a larger priority. */
    public static final int PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);
    private static final long POLL_MILLIS = 200;

    /** Shutdown settings. */
    @ConfigMapping(prefix = "hotline.drain")
    public interface DrainConfig {
        /**
         * How long a stopping service waits for calls in progress to end before it hangs up on them. On Kubernetes,
         * set the pod's termination grace period a little above this, and this to the longest call you accept
         * ({@code hotline.calls.max-duration}) if no call may be cut.
         */
        @WithDefault("60s")
        Duration timeout();
    }

    private final SipEndpoint sip;
    private final LiveCalls calls;
    private final DrainConfig config;

    ShutdownDrain(SipEndpoint sip, LiveCalls calls, DrainConfig config) {
        this.sip = sip;
        this.calls = calls;
        this.config = config;
    }

    void onStop(@Observes @Priority(PRIORITY) ShutdownEvent event) throws InterruptedException {
        if (!sip.isListening()) {
            return;
        }
        sip.drain(true);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        int left = calls.size();
        if (left > 0) {
            LOG.infof("Draining: waiting up to %s for %d call(s) to end", config.timeout(), left);
        }
        while ((left = calls.size()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        if (left > 0) {
            LOG.warnf("Drain timeout: %d call(s) still up are cut", left);
        }
    }
}
