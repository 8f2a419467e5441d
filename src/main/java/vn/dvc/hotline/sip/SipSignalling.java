package vn.dvc.hotline.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.AllowHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The bridge from JAIN-SIP to the calls, and the routing of requests to them.
 *
 * <p>Thread model. The {@code process*} callbacks run on JAIN-SIP threads, several at once
 * ({@code REENTRANT_LISTENER}). They do only what must happen before the stack's thread returns — take
 * a server transaction for the request, which is what makes the stack absorb its retransmissions — then
 * hop with {@link Context#runOnContext} to the context the {@link CallContextSelector} gives for the
 * Call-ID. Everything else ({@link #onRequest} and all of {@link SipCallImpl}) runs on that context, in
 * arrival order, so a call's state needs no lock. The call registry is a ConcurrentHashMap only because
 * the admission valve reads its keys from stack threads.
 */
final class SipSignalling implements SipListenerExt {

    private static final Logger LOG = Logger.getLogger(SipSignalling.class.getName());

    static final String ALLOWED_METHODS = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";
    /** Methods of RFC 3261 and its extensions that we know but do not serve: 405, not 501. */
    private static final Set<String> KNOWN_NOT_ALLOWED = Set.of("REGISTER", "SUBSCRIBE", "NOTIFY",
            "PUBLISH", "MESSAGE", "REFER", "PRACK", "UPDATE");

    final EndpointSettings settings;
    final Vertx vertx;
    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SdpParser sdpParser = new SdpParser();
    final SdpNegotiator negotiator = new SdpNegotiator();
    final SipCounters counters;
    /** Sends our own requests over TCP off the event loops; see {@link #sendInDialog}. */
    private final TcpRequestSender tcpSender;
    private final CallContextSelector selector;
    private final IncomingCallHandler handler;
    private final ConcurrentHashMap<String, SipCallImpl> calls;
    private final ContactHeader contactUdp;
    private final ContactHeader contactTcp;
    private final AllowHeader allow;

    SipSignalling(EndpointSettings settings, Vertx vertx, SipProvider provider, MessageFactory messages,
            HeaderFactory headers, AddressFactory addresses, CallContextSelector selector,
            IncomingCallHandler handler, SipCounters counters, ConcurrentHashMap<String, SipCallImpl> calls)
            throws ParseException {
        this.settings = settings;
        this.vertx = vertx;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.selector = selector;
        this.handler = handler;
        this.counters = counters;
        this.calls = calls;
        this.tcpSender = new TcpRequestSender(provider);
        String host = settings.publicAddress().indexOf(':') >= 0 && !settings.publicAddress().startsWith("[")
                ? "[" + settings.publicAddress() + "]" : settings.publicAddress();
        SipURI udp = addresses.createSipURI("hotline", host);
        udp.setPort(settings.port());
        SipURI tcp = addresses.createSipURI("hotline", host);
        tcp.setPort(settings.port());
        tcp.setTransportParam("tcp");
        this.contactUdp = headers.createContactHeader(addresses.createAddress(udp));
        this.contactTcp = headers.createContactHeader(addresses.createAddress(tcp));
        this.allow = headers.createAllowHeader(ALLOWED_METHODS);
    }

    // ---------------------------------------------------------------- JAIN-SIP threads: hop only

    @Override
    public void processRequest(RequestEvent event) {
        try {
            Request request = event.getRequest();
            ServerTransaction tx = event.getServerTransaction();
            if (tx == null && !Request.ACK.equals(request.getMethod())) {
                try {
                    tx = provider.getNewServerTransaction(request);
                } catch (TransactionAlreadyExistsException e) {
                    return; // a retransmission racing its original: the stack answers it
                } catch (TransactionUnavailableException e) {
                    tx = null; // answer statelessly (e.g. an RFC 2543 request the stack cannot match)
                }
            }
            CallIdHeader callIdHeader = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
            String callId = callIdHeader.getCallId();
            Context context = selector.contextFor(callId);
            ServerTransaction transaction = tx;
            context.runOnContext(v -> onRequest(context, callId, request, transaction));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Dropped a request the listener could not hand over", e);
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        // the stack's own 64·T1 ACK wait ran out; with SipListenerExt it leaves the BYE to us
        hop(event.getDialog(), SipCallImpl::onStackAckTimeout);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // only responses to our BYEs arrive here; the call ended when we sent the BYE
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // a BYE of ours went unanswered, or a server transaction timed out: nothing left to do
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("SIP I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions are the stack's business
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls end on our own events (BYE, CANCEL, timers); dialog clean-up is the stack's business
    }

    private void hop(Dialog dialog, Consumer<SipCallImpl> action) {
        if (dialog == null || dialog.getCallId() == null) {
            return;
        }
        String callId = dialog.getCallId().getCallId();
        selector.contextFor(callId).runOnContext(v -> {
            SipCallImpl call = calls.get(callId);
            if (call != null) {
                action.accept(call);
            }
        });
    }

    // ---------------------------------------------------------------- the call's context from here on

    void onRequest(Context context, String callId, Request request, ServerTransaction tx) {
        String method = request.getMethod();
        try {
            if (!Request.ACK.equals(method) && !wellFormed(tx, request)) {
                return;
            }
            switch (method) {
                case Request.INVITE -> {
                    if (toTag(request) == null) {
                        newCall(context, callId, request, tx);
                    } else {
                        SipCallImpl call = callFor(callId, request);
                        if (call == null) {
                            respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                        } else if (precheck(tx, request)) {
                            call.onReinvite(tx, request);
                        }
                    }
                }
                case Request.ACK -> {
                    SipCallImpl call = calls.get(callId);
                    if (call != null) {
                        call.onAck(request);
                    }
                }
                case Request.CANCEL -> {
                    SipCallImpl call = calls.get(callId);
                    if (call == null) {
                        respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    } else {
                        call.onCancel(tx, request);
                    }
                }
                case Request.BYE, Request.INFO -> {
                    SipCallImpl call = callFor(callId, request);
                    if (call == null) {
                        respond(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    } else if (Request.BYE.equals(method)) {
                        call.onBye(tx, request);
                    } else {
                        call.onInfo(tx, request);
                    }
                }
                case Request.OPTIONS -> {
                    if (precheck(tx, request)) {
                        Response ok = response(request, Response.OK);
                        ok.addHeader(headers.createAcceptHeader("application", "sdp"));
                        send(tx, request, ok);
                    }
                }
                default -> respond(tx, request, KNOWN_NOT_ALLOWED.contains(method)
                        ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED);
            }
        } catch (ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "Failed to process " + method + " of call " + callId, e);
            if (!Request.ACK.equals(method)) {
                respond(tx, request, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private SipCallImpl callFor(String callId, Request request) {
        SipCallImpl call = calls.get(callId);
        return call != null && call.matches(request) ? call : null;
    }

    private void newCall(Context context, String callId, Request invite, ServerTransaction tx)
            throws ParseException {
        if (calls.containsKey(callId)) {
            // same Call-ID, new transaction, no To tag: a merged request (RFC 3261 §8.2.2.2)
            rejectInvite(tx, invite, Response.LOOP_DETECTED);
            return;
        }
        if (!precheck(tx, invite)) {
            return;
        }
        byte[] body = invite.getRawContent();
        Optional<SdpSession> offer = Optional.empty();
        NegotiatedMedia media = null;
        if (body != null && body.length > 0) {
            ContentTypeHeader type = (ContentTypeHeader) invite.getHeader(ContentTypeHeader.NAME);
            if (type == null || !"application".equalsIgnoreCase(type.getContentType())
                    || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
                Response r = response(invite, Response.UNSUPPORTED_MEDIA_TYPE);
                r.addHeader(headers.createAcceptHeader("application", "sdp"));
                rejectInvite(tx, invite, r);
                return;
            }
            try {
                SdpSession session = sdpParser.parse(new String(body, StandardCharsets.UTF_8));
                offer = Optional.of(session);
                media = session.audioPort() == 0 ? null : negotiator.negotiate(session).orElse(null);
            } catch (SdpException e) {
                rejectInvite(tx, invite, messages.createResponse(Response.BAD_REQUEST, invite));
                return;
            }
            if (media == null) {
                Response r = response(invite, Response.NOT_ACCEPTABLE_HERE);
                try {
                    r.addHeader(headers.createWarningHeader(settings.publicAddress(), 304,
                            "Only PCMU and PCMA are supported"));
                } catch (InvalidArgumentException e) {
                    // the warning is a courtesy only
                }
                rejectInvite(tx, invite, r);
                return;
            }
        }
        if (!acceptsSdp(invite)) {
            rejectInvite(tx, invite, Response.NOT_ACCEPTABLE);
            return;
        }
        if (tx == null) {
            // without a transaction the stack cannot retransmit our 200 nor match the ACK
            rejectInvite(null, invite, Response.SERVER_INTERNAL_ERROR);
            return;
        }
        if (!counters.tryAdmit(settings.maxConcurrent())) {
            // the valve's check is optimistic under concurrency; this one is exact
            Response r = response(invite, Response.SERVICE_UNAVAILABLE);
            addRetryAfter(r);
            rejectInvite(tx, invite, r);
            return;
        }
        SipCallImpl call = new SipCallImpl(this, context, callId, invite, tx, offer, media,
                remoteAddress(invite), transport(tx), newTag());
        calls.put(callId, call);
        call.start(handler);
    }

    /**
     * Header parameters in the Request-URI (400, RFC 4475 §3.1.2.12), which the parser accepts. Faults
     * the parser repairs before we could see them (another SIP version, duplicated single-valued headers,
     * stray whitespace in the Request-Line) are refused earlier, on the raw bytes: see
     * {@link StrictRequestCheck}.
     */
    private boolean wellFormed(ServerTransaction tx, Request request) throws ParseException {
        if (request.getRequestURI() instanceof SipURI uri && uri.getHeaderNames() != null
                && uri.getHeaderNames().hasNext()) {
            send(tx, request, badRequest(request, "Request-URI must not carry headers"));
            return false;
        }
        return true;
    }

    private Response badRequest(Request request, String reason) throws ParseException {
        Response r = response(request, Response.BAD_REQUEST);
        r.setReasonPhrase(reason);
        return r;
    }

    /** RFC 3261 §8.2.2: Request-URI scheme (416) and Require (420), for INVITE and OPTIONS. */
    private boolean precheck(ServerTransaction tx, Request request) throws ParseException {
        URI uri = request.getRequestURI();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            rejectOrRespond(tx, request, response(request, Response.UNSUPPORTED_URI_SCHEME));
            return false;
        }
        ListIterator<?> require = request.getHeaders(RequireHeader.NAME);
        List<String> unsupported = new ArrayList<>();
        while (require != null && require.hasNext()) {
            unsupported.add(((RequireHeader) require.next()).getOptionTag());
        }
        if (!unsupported.isEmpty()) {
            Response r = response(request, Response.BAD_EXTENSION);
            for (String tag : unsupported) {
                r.addHeader(headers.createUnsupportedHeader(tag));
            }
            rejectOrRespond(tx, request, r);
            return false;
        }
        return true;
    }

    private void rejectOrRespond(ServerTransaction tx, Request request, Response response) {
        if (Request.INVITE.equals(request.getMethod()) && toTag(request) == null) {
            rejectInvite(tx, request, response);
        } else {
            send(tx, request, response);
        }
    }

    /** Whether the request's Accept headers (if any) admit application/sdp, the body of our 200. */
    private static boolean acceptsSdp(Request request) {
        ListIterator<?> accept = request.getHeaders(AcceptHeader.NAME);
        if (accept == null || !accept.hasNext()) {
            return true;
        }
        while (accept.hasNext()) {
            AcceptHeader a = (AcceptHeader) accept.next();
            String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
            String sub = a.getContentSubType() == null ? "" : a.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- responses

    void rejectInvite(ServerTransaction tx, Request invite, int status) {
        try {
            Response r = response(invite, status);
            if (status == Response.SERVICE_UNAVAILABLE) {
                addRetryAfter(r);
            }
            rejectInvite(tx, invite, r);
        } catch (ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not reject an INVITE with " + status, e);
        }
    }

    private void rejectInvite(ServerTransaction tx, Request invite, Response response) {
        counters.countRejected(response.getStatusCode());
        send(tx, invite, response);
    }

    void addRetryAfter(Response response) {
        try {
            response.setHeader(headers.createRetryAfterHeader(settings.retryAfterSeconds()));
        } catch (InvalidArgumentException e) {
            // settings guarantee a positive value
        }
    }

    /**
     * A response with a To tag for requests outside a dialog (RFC 3261 §8.2.6.2) and, for 405 and
     * 2xx to OPTIONS, the Allow header.
     */
    Response response(Request request, int status) throws ParseException {
        Response response = messages.createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (status > 100 && to != null && to.getTag() == null) {
            to.setTag(newTag());
        }
        if (status == Response.METHOD_NOT_ALLOWED || Request.OPTIONS.equals(request.getMethod())) {
            response.setHeader((Header) allow.clone());
        }
        return response;
    }

    void respond(ServerTransaction tx, Request request, int status) {
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            send(tx, request, response(request, status));
        } catch (ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not answer " + request.getMethod() + " with " + status, e);
        }
    }

    /** Sends through the transaction, or statelessly when the stack gave none. Never throws. */
    boolean send(ServerTransaction tx, Request request, Response response) {
        try {
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "Could not send " + response.getStatusCode() + " to "
                        + request.getMethod(), e);
            }
            return false;
        }
    }

    /**
     * Sends a request of ours (BYE) in a dialog. Over UDP the stack sends a datagram at once, so this
     * runs on the calling context; over TCP (or when the next hop is unknown) the stack may connect and
     * write on the calling thread, so the {@link TcpRequestSender} does it and reports a failure back on
     * {@code context}. The transport is the next hop's — the dialog's route set or remote target, which
     * may differ from the transport the INVITE came in on.
     *
     * @param onFailure told, on {@code context}, if the request could not be sent
     */
    void sendInDialog(Dialog dialog, Request request, Context context, Consumer<Exception> onFailure) {
        if ("udp".equalsIgnoreCase(nextHopTransport(request))) {
            try {
                dialog.sendRequest(provider.getNewClientTransaction(request));
            } catch (SipException | RuntimeException e) {
                onFailure.accept(e);
            }
        } else {
            tcpSender.send(dialog, request, context, onFailure);
        }
    }

    private String nextHopTransport(Request request) {
        try {
            Hop hop = provider.getSipStack().getRouter().getNextHop(request);
            return hop == null ? "" : hop.getTransport();
        } catch (SipException | RuntimeException e) {
            return ""; // the sender thread will meet the same error and report it
        }
    }

    /** Stops the TCP sender, letting queued BYEs go out first; called by the endpoint before the stack stops. */
    void close() {
        tcpSender.close();
    }

    ContactHeader contact(String transport) {
        return (ContactHeader) ("tcp".equalsIgnoreCase(transport) ? contactTcp : contactUdp).clone();
    }

    Header allowHeader() {
        return (Header) allow.clone();
    }

    void removeCall(SipCallImpl call) {
        calls.remove(call.callId(), call);
    }

    static String toTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | 0x1000_0000_0000_0000L);
    }

    private static InetSocketAddress remoteAddress(Request request) {
        SIPMessage message = (SIPMessage) request;
        InetAddress address = message.getPeerPacketSourceAddress();
        int port = message.getPeerPacketSourcePort();
        if (address == null) {
            address = message.getRemoteAddress();
            port = message.getRemotePort();
        }
        return new InetSocketAddress(address, Math.max(port, 0));
    }

    private static String transport(ServerTransaction tx) {
        if (tx instanceof SIPTransaction t) {
            return t.getTransport();
        }
        return "udp";
    }
}
