package vn.dvc.hotline.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.catalog.PhoneCatalog;
import vn.dvc.hotline.dossier.PhoneDossierLookup;
import vn.dvc.hotline.ivr.DossierStatusService;
import vn.dvc.hotline.ivr.HoursService;
import vn.dvc.hotline.ivr.IvrSettings;
import vn.dvc.hotline.ivr.ProcedureInfoService;
import vn.dvc.hotline.ivr.RatingService;
import vn.dvc.hotline.ivr.VoiceService;
import vn.dvc.hotline.media.RtpConfig;
import vn.dvc.hotline.media.RtpPortPool;
import vn.dvc.hotline.media.RtpSession;
import vn.dvc.hotline.sip.IncomingCallHandler;
import vn.dvc.hotline.sip.SipCall;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.Readouts;
import vn.dvc.hotline.speech.Region;

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
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final RtpPortPool ports;
    private final RtpConfig rtpConfig;
    private final MenuStore menus;
    private final CallRecorder recorder;
    private final CallSession.Services services;
    private final PromptLibrary prompts;

    CallAnswering(Vertx vertx, RtpPortPool ports, RtpConfig rtpConfig, MenuStore menus, PromptLibrary prompts,
            CallRecorder recorder, CallMetrics metrics, LiveCalls live, Clock clock, IvrConfig ivr,
            PhoneCatalog catalog, PhoneDossierLookup dossiers) {
        this.ports = ports;
        this.rtpConfig = rtpConfig;
        this.menus = menus;
        this.recorder = recorder;
        this.prompts = prompts;
        // The voice services by the SERVICE node target that names them; a target not listed here plays its node's
        // own prompt and returns to the menu.
        Map<String, VoiceService> voiceServices = Map.of(
                ProcedureInfoService.NAME, new ProcedureInfoService(catalog),
                DossierStatusService.NAME, new DossierStatusService(dossiers),
                HoursService.NAME, new HoursService(catalog),
                RatingService.NAME, new RatingService());
        this.services = new CallSession.Services(vertx, prompts, recorder, metrics, live, voiceServices, clock,
                new IvrSettings(ivr.maxRetries(), ivr.firstDigitTimeout(), ivr.interDigitTimeout()));
    }

    /**
     * Prepares the read-out fragments (numbers, dates, statuses…) before the first call, so that a busy hour starts
     * no synthesis for them. After the menu's prompts; runs on the main thread, which may wait.
     */
    void onStart(@Observes @Priority(MenuStore.PRIORITY + 10) StartupEvent event) {
        long started = System.nanoTime();
        Map<String, String> fragments = Readouts.fragments(region(prompts.voice()));
        prompts.ensure(fragments).await().atMost(START_TIMEOUT);
        LOG.infof("%d read-out fragments prepared in %d ms", fragments.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Region region(String voice) {
        try {
            return Region.forVoice(voice);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s; read-outs follow the southern conventions", e.getMessage());
            return Region.SOUTH;
        }
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
                        503, null, null, List.of(), List.of(), List.of(), null, 0, 0));
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
