package vn.dvc.hotline.portal;

import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A token bucket per client address in front of the anonymous endpoints, so that one client cannot starve the
 * others or scrape the API at full speed. Over the limit: 429 with Retry-After.
 *
 * <p>Thread model: called on event loops; each bucket is updated under its own monitor for a few instructions.
 * Buckets of idle clients are dropped every minute.
 */
@Provider
@Throttled
@Singleton
public class PublicRateLimit implements ContainerRequestFilter {

    private final double ratePerMilli;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Context
    HttpServerRequest request;

    PublicRateLimit(ApiConfig config) {
        if (config.publicRatePerSecond() <= 0) {
            throw new IllegalArgumentException("hotline.api.public-rate-per-second must be positive");
        }
        if (config.publicBurst() < 1) {
            throw new IllegalArgumentException("hotline.api.public-burst must be at least 1");
        }
        this.ratePerMilli = config.publicRatePerSecond() / 1000.0;
        this.burst = config.publicBurst();
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String client = ClientAddress.of(request);
        long now = System.currentTimeMillis();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        long waitMillis;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * ratePerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitMillis = (long) Math.ceil((1 - bucket.tokens) / ratePerMilli);
        }
        long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
        context.abortWith(new Problem("urn:dvc-hotline:problem:rate-limited", "Too Many Requests", 429,
                "Too many requests from your address; retry after " + retryAfter + " s", context.getUriInfo().getPath(),
                null).response().header(HttpHeaders.RETRY_AFTER, retryAfter).build());
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
