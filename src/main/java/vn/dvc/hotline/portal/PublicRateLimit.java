package vn.dvc.hotline.portal;

import java.util.OptionalLong;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link PublicRateLimiter} to the endpoints marked {@link Throttled}: over the limit, 429 + Retry-After. */
@Provider
@Throttled
public class PublicRateLimit implements ContainerRequestFilter {

    @Inject
    PublicRateLimiter limiter;

    @Context
    HttpServerRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        OptionalLong retryAfter = limiter.acquire(ClientAddress.of(request));
        if (retryAfter.isPresent()) {
            context.abortWith(new Problem("urn:dvc-hotline:problem:rate-limited", "Too Many Requests", 429,
                    "Too many requests from your address; retry after " + retryAfter.getAsLong() + " s",
                    context.getUriInfo().getPath(), null)
                    .response().header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong()).build());
        }
    }
}
