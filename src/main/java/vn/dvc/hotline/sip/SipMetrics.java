package vn.dvc.hotline.sip;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SIP metrics at {@code /q/metrics}: {@code hotline_sip_calls_admitted_total},
 * {@code hotline_sip_refused_total{status}} for every status a request was refused with (503: at capacity, the
 * media engine overloaded or draining; 403: a source not in {@code hotline.trunks.allow}; 488: no common codec;
 * 400, 415, 482 … as they happen) and {@code hotline_sip_udp_dropped_total}. Each is read from the endpoint's own
 * counters when scraped, so the SIP threads and event loops that count pay nothing more.
 */
@ApplicationScoped
class SipMetrics {

    /** Statuses exported from the start, so that an alert on them has a series before the first refusal. */
    static final int[] REFUSALS = {403, 488, 503};

    private final Set<Integer> exported = ConcurrentHashMap.newKeySet();

    void register(@Observes StartupEvent event, MeterRegistry registry, SipEndpoint endpoint) {
        SipCounters counters = endpoint.counters();
        FunctionCounter.builder("hotline_sip_calls_admitted", counters, SipCounters::callsAdmitted)
                .description("INVITEs admitted as calls").register(registry);
        for (int status : REFUSALS) {
            export(registry, counters, status);
        }
        // Any other status gets its series when first refused with. Registering takes the registry's lock, so it
        // is done on a worker, not on the loop or SIP thread that refused; the count itself is the endpoint's.
        counters.onFirstRefusal(status -> Infrastructure.getDefaultWorkerPool()
                .execute(() -> export(registry, counters, status)));
        counters.rejectedByStatus().keySet().forEach(status -> export(registry, counters, status));
        FunctionCounter.builder("hotline_sip_udp_dropped", endpoint, SipEndpoint::udpDatagramsDropped)
                .description("SIP datagrams dropped unread: hotline.sip.stack.udp-queue-limit were waiting")
                .register(registry);
    }

    private void export(MeterRegistry registry, SipCounters counters, int status) {
        if (exported.add(status)) {
            FunctionCounter.builder("hotline_sip_refused", counters, c -> c.rejected(status))
                    .tag("status", Integer.toString(status))
                    .description("requests refused with this status").register(registry);
        }
    }
}
