package vn.dvc.hotline.sip;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits on calls, enforced by the SIP layer. Checked at startup by {@link EndpointSettings}. */
@ConfigMapping(prefix = "hotline.calls")
public interface CallLimitsConfig {

    /** Calls in progress at most; a new INVITE beyond gets 503 with Retry-After. */
    @WithDefault("5000")
    int maxConcurrent();

    /** Longest a call may last from its answer; then the service sends BYE. */
    @WithDefault("15m")
    Duration maxDuration();

    /**
     * How long to wait for the ACK of our 200 OK before ending the call with BYE (RFC 3261 §13.3.1.4:
     * 64·T1 = 32 s).
     */
    @WithDefault("32s")
    Duration ackTimeout();

    /** Retry-After sent with 503 (capacity reached, draining), whole seconds, at least 1 s. */
    @WithDefault("30s")
    Duration retryAfter();
}
