package vn.dvc.hotline.sip;

import vn.dvc.hotline.media.DtmfEvent;
import vn.dvc.hotline.media.SipInfoDtmfParser;
import io.vertx.core.Context;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One incoming call: its INVITE transaction, dialog, SDP state and timers.
 *
 * <p>Thread model: created and used only on {@link #context()}; the public {@link SipCall} methods
 * must be called there too (they do not check, to stay cheap). State moves
 * {@code OFFERED → ANSWERED → CONFIRMED → ENDED}, or from {@code OFFERED} straight to {@code ENDED};
 * {@link #end} is the only way to {@code ENDED} and tells the listener exactly once.
 */
final class SipCallImpl implements SipCall {

    private static final Logger LOG = Logger.getLogger(SipCallImpl.class.getName());
    private static final SipCallListener NO_LISTENER = new SipCallListener() {
    };

    private enum State { OFFERED, ANSWERED, CONFIRMED, ENDED }

    private final SipSignalling sip;
    private final Context context;
    private final String callId;
    /**
     * The INVITE and its transaction, for the responses before the call is confirmed; let go at the ACK (with
     * the stack's aggressive clean-up, see {@link SipEndpoint}), so a call held for minutes keeps no parsed
     * request: its headers' objects were half of a call's heap (jmap at 3,000 calls).
     */
    private Request invite;
    private ServerTransaction inviteTx;
    private final String callerTag;
    private final long inviteCSeq;
    private final String fromUser;
    private final String toUser;
    private final Optional<SdpSession> offer;
    private final InetSocketAddress remote;
    private final String transport;
    private final String localTag;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private long sdpVersion = 1;

    private State state = State.OFFERED;
    private SipCallListener listener = NO_LISTENER;
    private NegotiatedMedia negotiated;
    private Dialog dialog;
    private int localRtpPort;
    private long ackTimer = -1;
    private long durationTimer = -1;
    /** A re-INVITE without SDP got our offer in its 200; its ACK carries the answer. */
    private boolean reofferPending;

    SipCallImpl(SipSignalling sip, Context context, String callId, Request invite, ServerTransaction inviteTx,
            Optional<SdpSession> offer, NegotiatedMedia negotiated, InetSocketAddress remote, String transport,
            String localTag) {
        this.sip = sip;
        this.context = context;
        this.callId = callId;
        this.invite = invite;
        this.inviteTx = inviteTx;
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        this.callerTag = from.getTag();
        this.inviteCSeq = ((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber();
        this.fromUser = user(from.getAddress().getURI());
        this.toUser = user(((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress().getURI());
        this.offer = offer;
        this.negotiated = negotiated; // known before answer for an offer; after the ACK for a late offer
        this.remote = remote;
        this.transport = transport;
        this.localTag = localTag;
    }

    /** Sends 100 Trying and hands the call to the orchestration. */
    void start(IncomingCallHandler handler) {
        sip.respond(inviteTx, invite, Response.TRYING);
        // bound the wait for the handler's decision: a stuck handler must not hold a call slot forever
        ackTimer = sip.vertx.setTimer(sip.settings.ackTimeout().toMillis(), id -> {
            ackTimer = -1;
            if (state == State.OFFERED) {
                finalError(Response.TEMPORARILY_UNAVAILABLE, EndReason.ERROR);
            }
        });
        try {
            handler.onIncomingCall(this);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Incoming-call handler failed for call " + callId, e);
            if (state == State.OFFERED) {
                finalError(Response.SERVER_INTERNAL_ERROR, EndReason.ERROR);
            }
        }
    }

    // ---------------------------------------------------------------- SipCall

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public InetSocketAddress remoteSignallingAddress() {
        return remote;
    }

    @Override
    public String fromUser() {
        return fromUser;
    }

    @Override
    public String toUser() {
        return toUser;
    }

    private static String user(URI uri) {
        if (uri instanceof SipURI sipUri) {
            return sipUri.getUser() == null ? "" : sipUri.getUser();
        }
        if (uri instanceof TelURL tel) {
            return tel.getPhoneNumber() == null ? "" : (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
        }
        return "";
    }

    @Override
    public Optional<SdpSession> offer() {
        return offer;
    }

    @Override
    public Optional<NegotiatedMedia> negotiated() {
        return state == State.OFFERED ? Optional.empty() : Optional.ofNullable(negotiated);
    }

    @Override
    public void answer(int localRtpPort) {
        if (localRtpPort < 1 || localRtpPort > 65535) {
            throw new IllegalArgumentException("RTP port must be 1..65535, was " + localRtpPort);
        }
        if (state == State.ENDED) {
            return; // e.g. CANCEL arrived while media was binding its socket
        }
        if (state != State.OFFERED) {
            throw new IllegalStateException("call " + callId + " is already answered");
        }
        this.localRtpPort = localRtpPort;
        String body = offer.isPresent()
                ? sip.negotiator.answer(offer.get(), negotiated, sip.settings.publicAddress(), localRtpPort,
                        sdpSessionId, sdpVersion)
                : sip.negotiator.offer(sip.settings.publicAddress(), localRtpPort, sdpSessionId, sdpVersion);
        try {
            Response ok = sip.response(invite, Response.OK);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
            ok.addHeader(sip.contact(transport));
            ok.addHeader(sip.allowHeader());
            ok.setContent(body, sdpType());
            if (!sip.send(inviteTx, invite, ok)) {
                end(EndReason.ERROR);
                return;
            }
        } catch (ParseException e) {
            end(EndReason.ERROR);
            return;
        }
        dialog = inviteTx.getDialog();
        state = State.ANSWERED;
        cancelTimer(ackTimer);
        ackTimer = sip.vertx.setTimer(sip.settings.ackTimeout().toMillis(), id -> {
            ackTimer = -1;
            if (state == State.ANSWERED) {
                bye(EndReason.ACK_TIMEOUT);
            }
        });
        durationTimer = sip.vertx.setTimer(sip.settings.maxDuration().toMillis(), id -> {
            durationTimer = -1;
            bye(EndReason.MAX_DURATION);
        });
    }

    @Override
    public void reject(int status) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("a rejection is a final error status 300..699, was " + status);
        }
        if (state == State.ENDED) {
            return;
        }
        if (state != State.OFFERED) {
            throw new IllegalStateException("call " + callId + " is already answered; use hangUp()");
        }
        finalError(status, EndReason.REJECTED);
    }

    @Override
    public void hangUp() {
        switch (state) {
            case OFFERED -> finalError(Response.TEMPORARILY_UNAVAILABLE, EndReason.SERVICE_HANGUP);
            case ANSWERED, CONFIRMED -> bye(EndReason.SERVICE_HANGUP);
            case ENDED -> {
                // already over
            }
        }
    }

    @Override
    public void setListener(SipCallListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public boolean isEnded() {
        return state == State.ENDED;
    }

    // ---------------------------------------------------------------- events from SipSignalling

    /** Whether an in-dialog request belongs to this call's dialog (our tag, the caller's tag). */
    boolean matches(Request request) {
        String to = SipSignalling.toTag(request);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return localTag.equals(to) && from != null && Objects.equals(from.getTag(), callerTag);
    }

    void onAck(Request ack) {
        if (state == State.ANSWERED) {
            long cseq = ((CSeqHeader) ack.getHeader(CSeqHeader.NAME)).getSeqNumber();
            if (cseq != inviteCSeq) {
                return; // the ACK of a non-2xx of another transaction; not ours to confirm
            }
            cancelTimer(ackTimer);
            ackTimer = -1;
            if (offer.isEmpty()) {
                Optional<NegotiatedMedia> media = answerIn(ack);
                if (media.isEmpty()) {
                    // late offer answered with nothing usable: RFC 3261 §13.3.1.4 leaves only BYE
                    bye(EndReason.ERROR);
                    return;
                }
                negotiated = media.get();
            }
            state = State.CONFIRMED;
            invite = null; // answered and confirmed: no response to the INVITE is left to send
            inviteTx = null;
            tell(l -> l.onConfirmed(negotiated.remote()));
        } else if (state == State.CONFIRMED && reofferPending) {
            reofferPending = false;
            Optional<NegotiatedMedia> media = answerIn(ack);
            if (media.isPresent()) {
                negotiated = media.get();
                tell(l -> l.onMediaChanged(negotiated.remote()));
            }
        }
    }

    private Optional<NegotiatedMedia> answerIn(Request ack) {
        byte[] body = ack.getRawContent();
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return sip.negotiator.acceptAnswer(sip.sdpParser.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (SdpException e) {
            return Optional.empty();
        }
    }

    void onCancel(ServerTransaction cancelTx, Request cancel) {
        sip.respond(cancelTx, cancel, Response.OK);
        if (state == State.OFFERED) {
            try {
                Response terminated = sip.response(invite, Response.REQUEST_TERMINATED);
                ((ToHeader) terminated.getHeader(ToHeader.NAME)).setTag(localTag);
                sip.send(inviteTx, invite, terminated);
            } catch (ParseException e) {
                LOG.log(Level.FINE, "Could not send 487 for call " + callId, e);
            }
            end(EndReason.CANCELLED);
        }
    }

    void onBye(ServerTransaction tx, Request bye) {
        sip.respond(tx, bye, Response.OK);
        end(EndReason.CALLER_HANGUP);
    }

    void onReinvite(ServerTransaction tx, Request reinvite) throws ParseException {
        if (state == State.OFFERED || state == State.ENDED) {
            sip.respond(tx, reinvite, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (reofferPending) {
            sip.respond(tx, reinvite, Response.REQUEST_PENDING);
            return;
        }
        byte[] body = reinvite.getRawContent();
        String answer;
        SdpSession remoteMedia = null;
        NegotiatedMedia media = null;
        if (body == null || body.length == 0) {
            // re-INVITE without SDP: we offer again, the answer comes in the ACK (RFC 3261 §14.2)
            answer = sip.negotiator.offer(sip.settings.publicAddress(), localRtpPort, sdpSessionId, ++sdpVersion);
            reofferPending = true;
        } else {
            try {
                remoteMedia = sip.sdpParser.parse(new String(body, StandardCharsets.UTF_8));
            } catch (SdpException e) {
                sip.respond(tx, reinvite, Response.BAD_REQUEST);
                return;
            }
            media = remoteMedia.audioPort() == 0 && negotiated != null
                    ? new NegotiatedMedia(negotiated.codec(), negotiated.telephoneEventPt(), negotiated.ptime(),
                            remoteMedia)
                    : sip.negotiator.negotiate(remoteMedia).orElse(null);
            if (media == null) {
                // the old session stays as it was (RFC 3261 §14.2)
                sip.respond(tx, reinvite, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
            answer = sip.negotiator.answer(remoteMedia, media, sip.settings.publicAddress(), localRtpPort,
                    sdpSessionId, ++sdpVersion);
        }
        Response ok = sip.response(reinvite, Response.OK);
        ok.addHeader(sip.contact(transport));
        ok.setContent(answer, sdpType());
        if (!sip.send(tx, reinvite, ok)) {
            reofferPending = false;
            return;
        }
        if (media != null) {
            negotiated = media;
            SdpSession changed = remoteMedia;
            tell(l -> l.onMediaChanged(changed));
        }
    }

    void onInfo(ServerTransaction tx, Request info) throws ParseException {
        byte[] body = info.getRawContent();
        if (body == null || body.length == 0) {
            sip.respond(tx, info, Response.OK); // an empty INFO is a keep-alive probe
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        String mime = type == null ? null : type.getContentType() + "/" + type.getContentSubType();
        char digit = SipInfoDtmfParser.parse(mime, new String(body, StandardCharsets.UTF_8));
        if (!SipInfoDtmfParser.supports(mime)) {
            Response r = sip.response(info, Response.UNSUPPORTED_MEDIA_TYPE);
            r.addHeader(sip.headers.createAcceptHeader("application", "dtmf-relay"));
            r.addHeader(sip.headers.createAcceptHeader("application", "dtmf"));
            sip.send(tx, info, r);
        } else if (digit == DtmfEvent.NONE) {
            sip.respond(tx, info, Response.BAD_REQUEST);
        } else {
            sip.respond(tx, info, Response.OK);
            if (state == State.ANSWERED || state == State.CONFIRMED) {
                tell(l -> l.onDtmf(digit));
            }
        }
    }

    void onStackAckTimeout() {
        if (state == State.ANSWERED) {
            bye(EndReason.ACK_TIMEOUT);
        }
    }

    // ---------------------------------------------------------------- endings

    private void finalError(int status, EndReason reason) {
        try {
            Response r = sip.response(invite, status);
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
            if (status == Response.SERVICE_UNAVAILABLE) {
                sip.addRetryAfter(r);
            }
            sip.counters.countRejected(status);
            sip.send(inviteTx, invite, r);
        } catch (ParseException e) {
            LOG.log(Level.FINE, "Could not send " + status + " for call " + callId, e);
        }
        end(reason);
    }

    private void bye(EndReason reason) {
        if (state == State.ENDED) {
            return;
        }
        if (dialog != null) {
            try {
                Request bye = dialog.createRequest(Request.BYE);
                sip.sendInDialog(dialog, bye, context,
                        e -> LOG.log(Level.FINE, "Could not send BYE for call " + callId, e));
            } catch (SipException | RuntimeException e) {
                // the dialog may already be gone (the stack's own timers); the call ends regardless
                LOG.log(Level.FINE, "Could not send BYE for call " + callId, e);
            }
        }
        // the call ends now, not when the BYE is answered: its media and slot are freed at once
        end(reason);
    }

    void end(EndReason reason) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        cancelTimer(ackTimer);
        cancelTimer(durationTimer);
        ackTimer = -1;
        durationTimer = -1;
        sip.removeCall(this);
        sip.counters.callEnded();
        SipCallListener l = listener;
        listener = NO_LISTENER;
        try {
            l.onEnded(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Call listener failed in onEnded for call " + callId, e);
        }
    }

    private void tell(Consumer<SipCallListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Call listener failed for call " + callId, e);
        }
    }

    private void cancelTimer(long id) {
        if (id >= 0) {
            sip.vertx.cancelTimer(id);
        }
    }

    private ContentTypeHeader sdpType() throws ParseException {
        return sip.headers.createContentTypeHeader("application", "sdp");
    }

    @Override
    public String toString() {
        return "SipCall[" + callId + ", " + state + "]";
    }
}
