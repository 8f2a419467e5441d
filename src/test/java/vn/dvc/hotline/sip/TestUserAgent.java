package vn.dvc.hotline.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent for tests: a JAIN-SIP client stack on a loopback port (UDP and TCP) that places
 * real calls and offers blocking helpers with bounded waits. Reusable by end-to-end tests: the
 * service's SDP is {@link Call#remoteSdp()}.
 *
 * <p>Thread model: the helpers block the calling test thread; JAIN-SIP threads fill per-call queues.
 * BYEs from the service are answered 200 at once and recorded ({@link Call#awaitByeFromService}).
 */
public final class TestUserAgent implements SipListener, AutoCloseable {

    /** Longest any helper waits for an answer. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String transport;
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong cseq = new AtomicLong(1);
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    /** Responses to out-of-call requests (OPTIONS, unknown methods), by Call-ID. */
    private final Map<String, BlockingQueue<Response>> looseResponses = new ConcurrentHashMap<>();

    /**
     * Starts a UA on a free loopback port that sends to the service at {@code 127.0.0.1:targetPort}.
     *
     * @param transport {@code udp} or {@code tcp}
     */
    public static TestUserAgent start(String transport, int targetPort) throws Exception {
        return new TestUserAgent(transport, "127.0.0.1", targetPort, "127.0.0.1");
    }

    /** As {@link #start(String, int)}, binding the UA to another loopback address (e.g. 127.0.0.2). */
    public static TestUserAgent startOn(String bindAddress, String transport, int targetPort) throws Exception {
        return new TestUserAgent(transport, "127.0.0.1", targetPort, bindAddress);
    }

    private TestUserAgent(String transport, String targetHost, int targetPort, String bindAddress) throws Exception {
        this.transport = transport;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = FreePorts.udpAndTcp();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-ua-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        ListeningPoint udp = stack.createListeningPoint(bindAddress, port, "udp");
        ListeningPoint tcp = stack.createListeningPoint(bindAddress, port, "tcp");
        provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        provider.addSipListener(this);
        stack.start();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stack.stop();
    }

    // ---------------------------------------------------------------- requests

    /** Sends an INVITE (SDP offer, or none for a late offer) and waits for the final response. */
    public Call invite(String sdpOffer) throws Exception {
        Call call = startInvite(sdpOffer);
        call.awaitFinal();
        return call;
    }

    /** Sends an INVITE and returns at once; wait with {@link Call#awaitFinal()}. */
    public Call startInvite(String sdpOffer) throws Exception {
        return startInvite(sdpOffer, "0901234567", "1022");
    }

    /** Sends an INVITE from {@code fromUser} to {@code toUser} and returns at once. */
    public Call startInvite(String sdpOffer, String fromUser, String toUser) throws Exception {
        Request invite = newRequest(Request.INVITE, fromUser, toUser, provider.getNewCallId());
        if (sdpOffer != null) {
            invite.setContent(sdpOffer, headers.createContentTypeHeader("application", "sdp"));
        }
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        Call call = new Call(invite, ct);
        calls.put(call.callId(), call);
        ct.sendRequest();
        return call;
    }

    /** Sends OPTIONS outside any call and waits for the final response. */
    public Response options() throws Exception {
        return request(Request.OPTIONS);
    }

    /** Sends a request of any method outside any call and waits for its final response. */
    public Response request(String method, Header... extra) throws Exception {
        Request request = newRequest(method, "0901234567", "1022", provider.getNewCallId());
        for (Header h : extra) {
            request.addHeader(h);
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        BlockingQueue<Response> queue = new LinkedBlockingQueue<>();
        looseResponses.put(callId, queue);
        provider.getNewClientTransaction(request).sendRequest();
        return awaitFinal(queue, method);
    }

    public HeaderFactory headers() {
        return headers;
    }

    private Request newRequest(String method, String fromUser, String toUser, CallIdHeader callId)
            throws ParseException, javax.sip.InvalidArgumentException {
        SipURI target = addresses.createSipURI(toUser, targetHost + ":" + targetPort);
        target.setTransportParam(transport);
        SipURI fromUri = addresses.createSipURI(fromUser, "127.0.0.1");
        FromHeader from = headers.createFromHeader(addresses.createAddress(fromUri), SipSignalling.newTag());
        ToHeader to = headers.createToHeader(addresses.createAddress(addresses.createSipURI(toUser, targetHost)),
                null);
        List<ViaHeader> vias = new ArrayList<>();
        vias.add(headers.createViaHeader("127.0.0.1", port, transport, null));
        CSeqHeader cseqHeader = headers.createCSeqHeader(cseq.getAndIncrement(), method);
        MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
        Request request = messages.createRequest(target, method, callId, cseqHeader, from, to, vias, maxForwards);
        SipURI contactUri = addresses.createSipURI(fromUser, "127.0.0.1");
        contactUri.setPort(port);
        contactUri.setTransportParam(transport);
        Address contact = addresses.createAddress(contactUri);
        request.addHeader(headers.createContactHeader(contact));
        return request;
    }

    private static Response awaitFinal(BlockingQueue<Response> queue, String method) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Response r = queue.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no final response to " + method + " within " + WAIT);
            }
            String cseqMethod = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
            if (r.getStatusCode() >= 200 && cseqMethod.equals(method)) {
                return r;
            }
        }
    }

    // ---------------------------------------------------------------- JAIN-SIP callbacks

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(callId);
        try {
            if (Request.ACK.equals(request.getMethod())) {
                return;
            }
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                st = provider.getNewServerTransaction(request);
            }
            st.sendResponse(messages.createResponse(Response.OK, request));
            if (call != null) {
                call.requestsFromService.add(request);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(callId);
        if (call != null) {
            call.responses.add(response);
            if (event.getDialog() != null && call.dialog == null) {
                call.dialog = event.getDialog();
            }
        } else {
            BlockingQueue<Response> q = looseResponses.get(callId);
            if (q != null) {
                q.add(response);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // helpers time out on their own
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // helpers time out on their own
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** One call placed by this UA. Blocking helpers, bounded by {@link #WAIT}. */
    public final class Call {
        private final Request invite;
        private final ClientTransaction inviteTx;
        private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
        private final BlockingQueue<Request> requestsFromService = new LinkedBlockingQueue<>();
        private final List<Integer> provisional = new CopyOnWriteArrayList<>();
        private volatile Dialog dialog;
        private Response finalResponse;

        private Call(Request invite, ClientTransaction inviteTx) {
            this.invite = invite;
            this.inviteTx = inviteTx;
        }

        public String callId() {
            return ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        }

        /** Waits for the INVITE's final response; provisional ones are kept in {@link #provisional()}. */
        public Response awaitFinal() throws InterruptedException {
            if (finalResponse != null) {
                return finalResponse;
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Response r = responses.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                if (r == null) {
                    throw new AssertionError("no final response to INVITE within " + WAIT);
                }
                if (!Request.INVITE.equals(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod())) {
                    continue;
                }
                if (r.getStatusCode() < 200) {
                    provisional.add(r.getStatusCode());
                } else {
                    finalResponse = r;
                    return r;
                }
            }
        }

        /** Waits until a provisional response with this status arrived (e.g. 100 before CANCEL). */
        public void awaitProvisional(int status) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!provisional.contains(status)) {
                Response r = responses.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                if (r == null) {
                    throw new AssertionError("no " + status + " within " + WAIT);
                }
                if (r.getStatusCode() < 200) {
                    provisional.add(r.getStatusCode());
                } else {
                    finalResponse = r;
                    throw new AssertionError("final " + r.getStatusCode() + " before " + status);
                }
            }
        }

        public List<Integer> provisional() {
            return provisional;
        }

        public Response finalResponse() {
            return finalResponse;
        }

        /** The SDP body of the final response (the service's answer, or its offer for a late offer). */
        public String remoteSdp() {
            byte[] raw = finalResponse == null ? null : finalResponse.getRawContent();
            return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
        }

        /** Sends the ACK for the 2xx, with an SDP answer (late offer) or none. */
        public void ack(String sdpAnswer) throws Exception {
            Dialog d = dialog();
            Request ack = d.createAck(((CSeqHeader) finalResponse.getHeader(CSeqHeader.NAME)).getSeqNumber());
            if (sdpAnswer != null) {
                ack.setContent(sdpAnswer, headers.createContentTypeHeader("application", "sdp"));
            }
            d.sendAck(ack);
        }

        public void ack() throws Exception {
            ack(null);
        }

        /** Sends BYE in the dialog and waits for its final response. */
        public Response bye() throws Exception {
            return inDialog(Request.BYE, null, null);
        }

        /** Sends INFO with a body and waits for its final response. */
        public Response info(String contentType, String body) throws Exception {
            return inDialog(Request.INFO, contentType, body);
        }

        /** Sends a re-INVITE (SDP or none), waits for the final response and ACKs a 2xx (without SDP). */
        public Response reinvite(String sdp) throws Exception {
            Response r = inDialog(Request.INVITE, sdp == null ? null : "application/sdp", sdp);
            if (r.getStatusCode() / 100 == 2) {
                Dialog d = dialog();
                d.sendAck(d.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            }
            return r;
        }

        /** Sends CANCEL for the pending INVITE and waits for the CANCEL's final response. */
        public Response cancel() throws Exception {
            Request cancel = inviteTx.createCancel();
            provider.getNewClientTransaction(cancel).sendRequest();
            return awaitMethod(Request.CANCEL);
        }

        /** Waits for a BYE from the service (answered 200 automatically); null if none came in time. */
        public Request awaitByeFromService(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                Request r = requestsFromService.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                if (r == null || Request.BYE.equals(r.getMethod())) {
                    return r;
                }
            }
        }

        private Dialog dialog() {
            Dialog d = dialog != null ? dialog : inviteTx.getDialog();
            if (d == null) {
                throw new AssertionError("no dialog for call " + callId());
            }
            return d;
        }

        private Response inDialog(String method, String contentType, String body) throws Exception {
            Dialog d = dialog();
            Request request = d.createRequest(method);
            if (body != null) {
                String[] type = contentType.split("/", 2);
                ContentTypeHeader ct = headers.createContentTypeHeader(type[0], type[1]);
                request.setContent(body, ct);
            }
            ClientTransaction ct = provider.getNewClientTransaction(request);
            d.sendRequest(ct);
            return awaitMethod(method);
        }

        private Response awaitMethod(String method) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<Response> other = new ArrayList<>();
            try {
                while (true) {
                    Response r = responses.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                    if (r == null) {
                        throw new AssertionError("no final response to " + method + " within " + WAIT);
                    }
                    String m = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getMethod();
                    if (m.equals(method) && r.getStatusCode() >= 200
                            && (!Request.INVITE.equals(method) || r != finalResponse)) {
                        if (Request.INVITE.equals(method) && finalResponse != null
                                && cseqOf(r) == cseqOf(finalResponse)) {
                            continue; // a retransmitted 200 of the initial INVITE
                        }
                        return r;
                    }
                    if (m.equals(Request.INVITE) && finalResponse == null) {
                        other.add(r); // keep the initial INVITE's responses for awaitFinal
                    }
                }
            } finally {
                responses.addAll(other);
            }
        }

        private long cseqOf(Response r) {
            return ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber();
        }

        /** The Contact of the final response, for assertions. */
        public ContactHeader contact() {
            return (ContactHeader) finalResponse.getHeader(ContactHeader.NAME);
        }
    }
}
