package vn.dvc.hotline.portal;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per client address for the anonymous endpoints, so that one client cannot starve the others or
 * scrape the API at full speed.
 *
 * <p>Thread model: called on event loops; each bucket is updated under its own monitor for a few instructions.
 * Buckets of idle clients are dropped every minute, so memory follows the active clients, not every address seen.
 */
@ApplicationScoped
public class PublicRateLimiter {

    private final double ratePerMilli;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimiter(ApiConfig config) {
        if (config.publicRatePerSecond() <= 0) {
            throw new IllegalArgumentException("hotline.api.public-rate-per-second must be positive");
        }
        if (config.publicBurst() < 1) {
            throw new IllegalArgumentException("hotline.api.public-burst must be at least 1");
        }
        this.ratePerMilli = config.publicRatePerSecond() / 1000.0;
        this.burst = config.publicBurst();
    }

    /** Takes one request's token; empty if the client may go on, else the seconds it must wait. */
    public OptionalLong acquire(String client) {
        long now = System.currentTimeMillis();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        long waitMillis;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * ratePerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            waitMillis = (long) Math.ceil((1 - bucket.tokens) / ratePerMilli);
        }
        return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
    }

    @Scheduled(every = "1m")
    void dropIdleBuckets() {
        long idleSince = System.currentTimeMillis() - 60_000;
        buckets.values().removeIf(bucket -> bucket.updatedAt < idleSince);
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
