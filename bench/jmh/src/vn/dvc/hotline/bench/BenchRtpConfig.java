package vn.dvc.hotline.bench;

import java.time.Duration;
import java.util.Optional;
import vn.dvc.hotline.media.RtpConfig;

/**
 * Loopback RTP configuration for the benchmarks: ports from {@code -Dbench.rtp.ports=min-max} (default
 * 50000-59999, clear of the ranges the tests use), a long inactivity timeout.
 */
final class BenchRtpConfig {

    private static final String[] PORTS = System.getProperty("bench.rtp.ports", "50000-59999").split("-");

    private BenchRtpConfig() {
    }

    static RtpConfig create(String layout) {
        return new RtpConfig() {
            @Override
            public int portMin() {
                return Integer.parseInt(PORTS[0]);
            }

            @Override
            public int portMax() {
                return Integer.parseInt(PORTS[1]);
            }

            @Override
            public Optional<String> bindAddress() {
                return Optional.of("127.0.0.1");
            }

            @Override
            public SocketLayout socketLayout() {
                return "default".equals(layout) ? SocketLayout.PER_EVENT_LOOP
                        : SocketLayout.valueOf(layout.toUpperCase().replace('-', '_'));
            }

            @Override
            public Duration overloadLagLimit() {
                return Duration.ofMillis(5);
            }

            @Override
            public Duration inactivityTimeout() {
                return Duration.ofMinutes(10);
            }

            @Override
            public ReadMode readMode() {
                return ReadMode.valueOf(System.getProperty("bench.rtp.read-mode", "on-tick").toUpperCase()
                        .replace('-', '_'));
            }
        };
    }
}
