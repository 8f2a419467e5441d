package vn.dvc.hotline.ops;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.calls.LiveCalls;
import vn.dvc.hotline.media.RtpPortPool;
import vn.dvc.hotline.sip.SipEndpoint;

/**
 * Readiness of the telephone side: SIP is listening, not draining, and RTP ports are left. A pod that is not ready
 * gets no new calls from the dispatcher; calls already up go on.
 */
@Readiness
@ApplicationScoped
public class TelephonyReadiness implements HealthCheck {

    private final SipEndpoint sip;
    private final RtpPortPool ports;
    private final LiveCalls live;

    TelephonyReadiness(SipEndpoint sip, RtpPortPool ports, LiveCalls live) {
        this.sip = sip;
        this.ports = ports;
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        boolean listening = sip.isListening();
        boolean draining = sip.isDraining();
        int freePorts = ports.available();
        return HealthCheckResponse.named("telephony")
                .status(listening && !draining && freePorts > 0)
                .withData("sipListening", listening)
                .withData("draining", draining)
                .withData("rtpPortsFree", freePorts)
                .withData("callsActive", live.size())
                .build();
    }
}
