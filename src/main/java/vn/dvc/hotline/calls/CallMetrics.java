package vn.dvc.hotline.calls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.media.PacerLoad;
import vn.dvc.hotline.media.RtpDrop;

/**
 * The call metrics at {@code /q/metrics}: {@code hotline_calls_active}, {@code hotline_calls_ended_total{reason}},
 * {@code hotline_call_setup_seconds}, {@code hotline_rtp_packets_sent_total}, {@code hotline_rtp_packets_received_total},
 * {@code hotline_rtp_late_ticks_total}, {@code hotline_rtp_overloaded_loops}, {@code hotline_rtp_datagrams_dropped_total},
 * {@code hotline_rtp_inbound_dropped_total{reason}},
 * {@code hotline_dtmf_digits_total{mode}},
 * {@code hotline_phone_lookups_total{outcome}}. Thread-safe: Micrometer meters and an atomic gauge, updated once per
 * call event, never per packet.
 */
@ApplicationScoped
@Startup // made at start, not at the first call: a scrape before any call must already see every series
public class CallMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Timer setup;
    private final Counter packetsSent;
    private final Counter packetsReceived;
    private final Counter lateTicks;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("hotline_calls_active", active);
        // event loops whose RTP pacer falls behind: new calls are refused while this is above 0
        Gauge.builder("hotline_rtp_overloaded_loops", PacerLoad::overloadedLoops)
                .description("event loops whose RTP pacer is behind its deadlines (new calls get 503)")
                .register(registry);
        FunctionCounter.builder("hotline_rtp_datagrams_dropped", RtpDrop.SEND_REFUSED, RtpDrop::count)
                .description("RTP datagrams the kernel refused, dropped rather than sent late").register(registry);
        for (RtpDrop reason : RtpDrop.values()) {
            if (reason.inbound()) {
                FunctionCounter.builder("hotline_rtp_inbound_dropped", reason, RtpDrop::count)
                        .tag("reason", reason.label())
                        .description("received RTP packets dropped, by reason (unknown_source: the strict-source rule)")
                        .register(registry);
            }
        }
        this.setup = Timer.builder("hotline_call_setup").description("INVITE handled to 200 OK sent")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.packetsSent = Counter.builder("hotline_rtp_packets_sent").register(registry);
        this.packetsReceived = Counter.builder("hotline_rtp_packets_received").register(registry);
        this.lateTicks = Counter.builder("hotline_rtp_late_ticks")
                .description("pacer ticks that ran late enough to send more than one frame").register(registry);
    }

    void callAnswered(Duration setupTime) {
        active.incrementAndGet();
        setup.record(setupTime);
    }

    void callEnded(boolean wasAnswered, String reason, long sent, long received, long late) {
        if (wasAnswered) {
            active.decrementAndGet();
        }
        registry.counter("hotline_calls_ended", "reason", reason).increment();
        packetsSent.increment(sent);
        packetsReceived.increment(received);
        lateTicks.increment(late);
    }

    void digit(String mode) {
        registry.counter("hotline_dtmf_digits", "mode", mode).increment();
    }

    /** A dossier lookup by phone, by outcome ({@code FOUND}, {@code NOT_FOUND}, {@code THROTTLED}). */
    void lookup(String outcome) {
        registry.counter("hotline_phone_lookups", "outcome", outcome).increment();
    }

    public int activeCalls() {
        return active.get();
    }
}
