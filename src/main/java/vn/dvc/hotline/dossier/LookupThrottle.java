package vn.dvc.hotline.dossier;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts failed dossier lookups per client (an IP address for REST, a caller number or a dossier code for the phone)
 * in a sliding window, and says when a client must wait.
 *
 * <p>Thread model: safe from any thread; each client's failures are guarded by that client's own deque monitor,
 * held for a few instructions, so event loops never wait on each other for long. State is per process: with several
 * replicas, the limit applies per replica.
 */
@ApplicationScoped
public class LookupThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final long windowMillis;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    @Inject
    LookupThrottle(Clock clock, LookupConfig config) {
        this(clock, config.maxFailures(), config.window());
    }

    public LookupThrottle(Clock clock, int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("hotline.dossier.lookup.max-failures must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hotline.dossier.lookup.window must be positive");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
    }

    /** How long the client must wait before its next lookup, or empty if it may look up now. */
    public Optional<Duration> waitRequired(String client) {
        ArrayDeque<Long> times = failures.get(client);
        if (times == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        synchronized (times) {
            expire(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            long oldest = times.peekFirst();
            return Optional.of(Duration.ofMillis(Math.max(1000, oldest + windowMillis - now)));
        }
    }

    public void recordFailure(String client) {
        long now = clock.millis();
        ArrayDeque<Long> times = failures.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    /** Forgets clients whose failures have all expired, so the map does not grow with every address ever seen. */
    @Scheduled(every = "1m")
    void forgetExpired() {
        long now = clock.millis();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                expire(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private void expire(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }
}
