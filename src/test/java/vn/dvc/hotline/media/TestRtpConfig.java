package vn.dvc.hotline.media;

import java.time.Duration;
import java.util.Optional;

/** A plain {@link RtpConfig}, so tests build sessions without Quarkus. */
record TestRtpConfig(int portMin, int portMax, Optional<String> bindAddress, Duration inactivityTimeout)
        implements RtpConfig {

    /** Loopback only, in a range of the ephemeral test ports 41000-41999. */
    static TestRtpConfig loopback(int portMin, int portMax, Duration inactivityTimeout) {
        return new TestRtpConfig(portMin, portMax, Optional.of("127.0.0.1"), inactivityTimeout);
    }
}
