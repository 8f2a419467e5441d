package vn.dvc.hotline.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.ivr.IvrSettings;
import vn.dvc.hotline.ivr.VoiceService;
import vn.dvc.hotline.media.RtpConfig;
import vn.dvc.hotline.media.RtpPortPool;
import vn.dvc.hotline.media.RtpSession;
import vn.dvc.hotline.sip.IncomingCallHandler;
import vn.dvc.hotline.sip.SipCall;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * Answers every admitted call: binds its RTP port on the call's event loop, answers with it, and hands the call to
 * a {@link CallSession} running the current menu. A call that cannot get a port is refused with 503.
 *
 * <p>Thread model: {@link #onIncomingCall} runs on the call's context (the SIP layer hops there); everything it
 * starts stays there.
 */
@ApplicationScoped
public class CallAnswering implements IncomingCallHandler {

    private static final Logger LOG = Logger.getLogger(CallAnswering.class);

    private final RtpPortPool ports;
    private final RtpConfig rtpConfig;
    private final MenuStore menus;
    private final CallRecorder recorder;
    private final CallSession.Services services;

    CallAnswering(Vertx vertx, RtpPortPool ports, RtpConfig rtpConfig, MenuStore menus, PromptLibrary prompts,
            CallRecorder recorder, CallMetrics metrics, LiveCalls live, Clock clock, IvrConfig ivr) {
        this.ports = ports;
        this.rtpConfig = rtpConfig;
        this.menus = menus;
        this.recorder = recorder;
        // Voice services (procedure information, dossier status, hours, rating) plug in here by name; until they
        // exist every SERVICE node plays its own prompt and returns to its menu.
        Map<String, VoiceService> voiceServices = Map.of();
        this.services = new CallSession.Services(vertx, prompts, recorder, metrics, live, voiceServices, clock,
                new IvrSettings(ivr.maxRetries(), ivr.firstDigitTimeout(), ivr.interDigitTimeout()));
    }

    @Override
    public void onIncomingCall(SipCall call) {
        long invitedAt = System.nanoTime();
        Instant startedAt = services.clock().instant();
        RtpSession.open(services.vertx(), ports, rtpConfig).onComplete(opened -> {
            if (opened.failed()) {
                LOG.warnf("Call %s refused: no RTP port (%s)", call.callId(), opened.cause().getMessage());
                call.reject(503);
                recorder.save(new CallRecord(call.callId(),
                        call.remoteSignallingAddress().getAddress().getHostAddress(),
                        CallerNumbers.mask(call.fromUser()), call.toUser(), startedAt, null, startedAt, "REJECTED",
                        503, null, null, List.of(), List.of(), List.of(), 0, 0));
                return;
            }
            RtpSession rtp = opened.result();
            if (call.isEnded()) {
                rtp.close();
                return;
            }
            CallSession session = new CallSession(call, rtp, menus.current(), services, startedAt);
            call.setListener(session);
            call.answer(rtp.localPort());
            session.answered(Duration.ofNanos(System.nanoTime() - invitedAt));
        });
    }
}
