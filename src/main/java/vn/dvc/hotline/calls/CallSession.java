package vn.dvc.hotline.calls;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import vn.dvc.hotline.ivr.CallFlow;
import vn.dvc.hotline.ivr.Cancellable;
import vn.dvc.hotline.ivr.EndReason;
import vn.dvc.hotline.ivr.IvrActions;
import vn.dvc.hotline.ivr.IvrSettings;
import vn.dvc.hotline.ivr.LookupOutcome;
import vn.dvc.hotline.ivr.MenuTree;
import vn.dvc.hotline.ivr.VoiceService;
import vn.dvc.hotline.media.EncodedClip;
import vn.dvc.hotline.media.Law;
import vn.dvc.hotline.media.RtpSession;
import vn.dvc.hotline.sip.NegotiatedMedia;
import vn.dvc.hotline.sip.SdpSession;
import vn.dvc.hotline.sip.SipCall;
import vn.dvc.hotline.sip.SipCallListener;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * One answered call: it joins the SIP dialog, the RTP session and the IVR flow. SIP events and DTMF go into the
 * flow; the flow's commands go out to RTP (play, stop) and SIP (hang up); the call record follows along.
 *
 * <p>Thread model: created on the call's event-loop context and used only there, like everything it owns; the
 * only field read from other threads is the volatile {@link #snapshot()} for the live-calls view.
 */
final class CallSession implements SipCallListener, IvrActions {

    private static final Logger LOG = Logger.getLogger(CallSession.class);

    /** Everything a call needs from the service, shared by all calls. */
    record Services(Vertx vertx, PromptLibrary prompts, CallRecorder recorder, CallMetrics metrics, LiveCalls live,
            Map<String, VoiceService> voiceServices, Clock clock, IvrSettings settings) {
    }

    private final SipCall sip;
    private final RtpSession rtp;
    private final Services services;
    private final Context context;
    private final MenuTree menu;
    private final Instant startedAt;
    private final MenuPath path;
    /** Fixed for the call, so written into each of its records rather than worked out again. */
    private final String trunkAddress;
    private final String callerMasked;
    private final List<String> proceduresHeard = new ArrayList<>();
    private final List<CallRecord.Lookup> lookups = new ArrayList<>();
    private String lastProcedure;
    private String lastDossier;
    private CallRecord.Rating rating;
    private CallFlow flow;
    private Instant answeredAt;
    private String dtmfMode;
    private String endReasonOverride;
    private boolean ended;
    private boolean pathFullReported;
    private volatile CallRecord latest;

    CallSession(SipCall sip, RtpSession rtp, MenuTree menu, Services services, Instant startedAt) {
        this.sip = sip;
        this.rtp = rtp;
        this.services = services;
        this.context = sip.context();
        this.menu = menu;
        this.startedAt = startedAt;
        this.path = new MenuPath(services.recorder()::json);
        this.trunkAddress = sip.remoteSignallingAddress().getAddress().getHostAddress();
        this.callerMasked = CallerNumbers.mask(sip.fromUser());
        rtp.onDigit(this::onMediaDigit);
        rtp.onInactive(this::onRtpInactive);
    }

    String callId() {
        return sip.callId();
    }

    int localRtpPort() {
        return rtp.localPort();
    }

    /** The 200 OK went out: the call is on record from now on. */
    void answered(Duration setupTime) {
        answeredAt = services.clock().instant();
        services.metrics().callAnswered(setupTime);
        services.live().add(this);
        publish(null);
    }

    /** The latest record of this call; safe from any thread. */
    CallRecord snapshot() {
        return latest;
    }

    // --- SIP events -------------------------------------------------------------------------------------------

    @Override
    public void onConfirmed(SdpSession remoteMedia) {
        if (ended) {
            return;
        }
        Optional<NegotiatedMedia> negotiated = sip.negotiated();
        if (negotiated.isEmpty()) {
            LOG.warnf("Call %s confirmed without negotiated media; hanging up", sip.callId());
            endReasonOverride = "ERROR";
            sip.hangUp();
            return;
        }
        NegotiatedMedia media = negotiated.get();
        rtp.start(remoteAddress(remoteMedia), law(media), media.telephoneEventPt());
        if (remoteMedia.isHold()) {
            rtp.hold(true);
        }
        flow = new CallFlow(menu, services.voiceServices(), this, services.clock(), services.settings(),
                sip.fromUser());
        flow.start();
        publish(null);
    }

    @Override
    public void onMediaChanged(SdpSession remoteMedia) {
        if (ended || flow == null) {
            return;
        }
        if (remoteMedia.isHold()) {
            rtp.hold(true);
            return;
        }
        sip.negotiated().ifPresent(media -> rtp.update(remoteAddress(remoteMedia), law(media),
                media.telephoneEventPt()));
        rtp.hold(false);
    }

    @Override
    public void onDtmf(char digit) {
        digit(digit, "sip-info");
    }

    @Override
    public void onEnded(vn.dvc.hotline.sip.EndReason reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (flow != null) {
            flow.onHangup();
        }
        rtp.close();
        String why = endReasonOverride != null && reason == vn.dvc.hotline.sip.EndReason.SERVICE_HANGUP
                ? endReasonOverride : reason.name();
        services.live().remove(this);
        services.metrics().callEnded(answeredAt != null, why, rtp.packetsSent(), rtp.packetsReceived(),
                rtp.lateTicks());
        publish(why);
    }

    // --- media events -----------------------------------------------------------------------------------------

    private void onMediaDigit(char digit) {
        digit(digit, rtp.dtmfMode());
    }

    private void digit(char digit, String mode) {
        if (ended || flow == null) {
            return;
        }
        if (dtmfMode == null) {
            dtmfMode = mode;
        }
        services.metrics().digit(mode);
        flow.onDigit(digit);
    }

    private void onRtpInactive() {
        if (!ended) {
            endReasonOverride = "RTP_INACTIVITY";
            sip.hangUp();
        }
    }

    // --- IVR commands -----------------------------------------------------------------------------------------

    @Override
    public void play(List<String> promptKeys) {
        List<EncodedClip> clips = new ArrayList<>(promptKeys.size());
        for (String key : promptKeys) {
            Optional<EncodedClip> clip = services.prompts().clip(key);
            if (clip.isPresent()) {
                clips.add(clip.get());
            } else {
                LOG.warnf("No audio for prompt %s; it is skipped", key);
            }
        }
        if (clips.isEmpty()) {
            // Nothing to say: the flow moves on as if the prompt had been heard, but not from inside its own call.
            rtp.stopPlayback();
            context.runOnContext(ignored -> promptFinished());
            return;
        }
        rtp.play(clips, this::promptFinished);
    }

    private void promptFinished() {
        if (!ended && flow != null) {
            flow.onPromptFinished();
        }
    }

    @Override
    public void stopPlayback() {
        rtp.stopPlayback();
    }

    @Override
    public void hangUp(EndReason reason) {
        if (!ended) {
            if (reason == EndReason.NO_VALID_INPUT) {
                endReasonOverride = "NO_VALID_INPUT";
            }
            sip.hangUp();
        }
    }

    @Override
    public void recordStep(String nodeKey, String digits, Instant at) {
        if (path.add(new MenuStep(nodeKey, digits, at))) {
            publish(null);
        } else if (!pathFullReported) {
            pathFullReported = true;
            LOG.infof("Call %s has taken %d menu steps; later ones are not recorded", sip.callId(), MenuPath.MAX_STEPS);
        }
    }

    @Override
    public void recordProcedure(String procedureCode, Instant at) {
        lastProcedure = procedureCode;
        if (!proceduresHeard.contains(procedureCode)) {
            proceduresHeard.add(procedureCode);
            publish(null);
        }
    }

    @Override
    public void recordLookup(String dossierCode, LookupOutcome outcome, Instant at) {
        lookups.add(new CallRecord.Lookup(dossierCode, outcome.name(), at));
        services.metrics().lookup(outcome.name());
        if (outcome == LookupOutcome.FOUND) {
            lastDossier = dossierCode;
        }
        publish(null);
    }

    @Override
    public void recordRating(int score, Instant at) {
        rating = new CallRecord.Rating(score, lastProcedure, lastDossier, at);
        publish(null);
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    @Override
    public void reportServiceFailure(String nodeKey, Throwable error) {
        LOG.errorf(error, "Voice service at node %s failed on call %s", nodeKey, sip.callId());
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long timer = services.vertx().setTimer(Math.max(1, delay.toMillis()), id -> {
            if (!ended) {
                task.run();
            }
        });
        return () -> services.vertx().cancelTimer(timer);
    }

    // --- the record -------------------------------------------------------------------------------------------

    private void publish(String endReason) {
        Instant endedAt = endReason == null ? null : services.clock().instant();
        String codec = sip.negotiated().map(m -> m.codec().encoding()).orElse(null);
        CallRecord record = new CallRecord(sip.callId(), trunkAddress, callerMasked, sip.toUser(), startedAt,
                answeredAt, endedAt, endReason, null, codec, dtmfMode, path.steps(), List.copyOf(proceduresHeard),
                List.copyOf(lookups), rating,
                rtp.packetsSent(), rtp.packetsReceived());
        latest = record;
        services.recorder().save(record);
    }

    private static InetSocketAddress remoteAddress(SdpSession sdp) {
        return new InetSocketAddress(sdp.connectionAddress(), sdp.audioPort());
    }

    private static Law law(NegotiatedMedia media) {
        return Law.forPayloadType(media.codec().number()).orElse(Law.PCMU);
    }
}
