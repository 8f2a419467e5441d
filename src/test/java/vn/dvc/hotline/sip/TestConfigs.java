package vn.dvc.hotline.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plain implementations of the config interfaces, so tests build settings without Quarkus. */
final class TestConfigs {

    private TestConfigs() {
    }

    record Stack(int threadPoolSize, int maxServerTransactions, int receiveUdpBufferSize, int sendUdpBufferSize,
            boolean nioTcp, int maxMessageSize, int udpQueueLimit) implements SipConfig.Stack {
        static Stack defaults() {
            return new Stack(4, 1000, 1 << 20, 1 << 20, false, 65536, 10_000);
        }
    }

    record Sip(String host, int port, List<String> transports, Optional<String> publicAddress, SipConfig.Stack stack)
            implements SipConfig {
    }

    record Trunks(List<String> allow) implements TrunkConfig {
    }

    record Limits(int maxConcurrent, Duration maxDuration, Duration ackTimeout, Duration retryAfter)
            implements CallLimitsConfig {
    }

    static Sip sip(int port) {
        return new Sip("127.0.0.1", port, List.of("udp", "tcp"), Optional.empty(), Stack.defaults());
    }

    static Trunks trunks(String... cidrs) {
        return new Trunks(List.of(cidrs));
    }

    static Limits limits() {
        return new Limits(100, Duration.ofMinutes(15), Duration.ofSeconds(32), Duration.ofSeconds(30));
    }
}
