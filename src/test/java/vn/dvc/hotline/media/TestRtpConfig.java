package vn.dvc.hotline.media;

import java.time.Duration;
import java.util.Optional;

/** A plain {@link RtpConfig}, so tests build sessions without Quarkus. */
record TestRtpConfig(int portMin, int portMax, Optional<String> bindAddress, Duration inactivityTimeout,
        SocketLayout socketLayout, Duration overloadLagLimit, ReadMode readMode) implements RtpConfig {

    TestRtpConfig(int portMin, int portMax, Optional<String> bindAddress, Duration inactivityTimeout,
            SocketLayout socketLayout, Duration overloadLagLimit) {
        this(portMin, portMax, bindAddress, inactivityTimeout, socketLayout, overloadLagLimit, ReadMode.ON_TICK);
    }

    TestRtpConfig(int portMin, int portMax, Optional<String> bindAddress, Duration inactivityTimeout,
            SocketLayout socketLayout) {
        this(portMin, portMax, bindAddress, inactivityTimeout, socketLayout, Duration.ofMillis(5));
    }

    /** Per-call sockets. */
    TestRtpConfig(int portMin, int portMax, Optional<String> bindAddress, Duration inactivityTimeout) {
        this(portMin, portMax, bindAddress, inactivityTimeout, SocketLayout.PER_CALL);
    }

    /** Loopback only, per-call sockets, in a range of the ephemeral test ports 41000-41999. */
    static TestRtpConfig loopback(int portMin, int portMax, Duration inactivityTimeout) {
        return loopback(portMin, portMax, inactivityTimeout, SocketLayout.PER_CALL);
    }

    /** Loopback only, in the given layout. */
    static TestRtpConfig loopback(int portMin, int portMax, Duration inactivityTimeout, SocketLayout layout) {
        return new TestRtpConfig(portMin, portMax, Optional.of("127.0.0.1"), inactivityTimeout, layout);
    }

    /** Loopback only, in the given layout and read mode. */
    static TestRtpConfig loopback(int portMin, int portMax, Duration inactivityTimeout, SocketLayout layout,
            ReadMode readMode) {
        return new TestRtpConfig(portMin, portMax, Optional.of("127.0.0.1"), inactivityTimeout, layout,
                Duration.ofMillis(5), readMode);
    }
}
