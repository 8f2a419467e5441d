package vn.dvc.hotline.sip;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SIP metrics at {@code /q/metrics}: {@code hotline_sip_calls_admitted_total},
 * {@code hotline_sip_refused_total{status}} for the refusals that tell of capacity and access (503: at capacity,
 * the media engine overloaded or draining; 403: a source not in {@code hotline.trunks.allow}) and
 * {@code hotline_sip_udp_dropped_total}. Each is read from the endpoint's own counters when scraped, so the SIP
 * threads and event loops that count pay nothing more.
 */
@ApplicationScoped
class SipMetrics {

    /** Statuses exported; the endpoint counts every status it refuses with. */
    static final int[] REFUSALS = {403, 503};

    void register(@Observes StartupEvent event, MeterRegistry registry, SipEndpoint endpoint) {
        SipCounters counters = endpoint.counters();
        FunctionCounter.builder("hotline_sip_calls_admitted", counters, SipCounters::callsAdmitted)
                .description("INVITEs admitted as calls").register(registry);
        for (int status : REFUSALS) {
            FunctionCounter.builder("hotline_sip_refused", counters, c -> c.rejected(status))
                    .tag("status", Integer.toString(status))
                    .description("requests refused with this status").register(registry);
        }
        FunctionCounter.builder("hotline_sip_udp_dropped", endpoint, SipEndpoint::udpDatagramsDropped)
                .description("SIP datagrams dropped unread: hotline.sip.stack.udp-queue-limit were waiting")
                .register(registry);
    }
}
