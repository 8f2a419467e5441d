package vn.dvc.hotline.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * JAIN-SIP message valve ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}): admission before any
 * transaction exists. A request from a source outside the trunk allow-list gets 403; a new INVITE
 * beyond the call limit, or a new INVITE or OPTIONS while draining, gets 503 with Retry-After; an
 * admitted request that the {@link StrictMessageParserFactory} marked as malformed gets 400 or 505. These
 * answers are sent statelessly, so a flood of refused requests costs no transaction, dialog or port.
 *
 * <p>The stack instantiates the valve reflectively with no arguments, so it cannot be injected. The
 * {@link SipEndpoint} therefore {@linkplain #bind binds} its {@link Admission} under the stack name
 * ({@code javax.sip.STACK_NAME}, unique per endpoint) before creating the stack, and {@link #init}
 * looks it up: a static hand-off, keyed so that several stacks in one JVM (tests) stay apart. Without a
 * binding the valve refuses everything (fail closed).
 *
 * <p>Thread model: {@link #processRequest} and {@link #processResponse} run on JAIN-SIP threads,
 * concurrently; the valve holds only final fields and delegates to the lock-free {@link Admission}.
 */
public final class AdmissionValve implements SIPMessageValve {

    private static final Logger LOG = Logger.getLogger(AdmissionValve.class.getName());
    private static final Map<String, Admission> BINDINGS = new ConcurrentHashMap<>();

    private volatile SipStackImpl stack;
    private volatile Admission admission;

    /** Required by the stack, which instantiates the valve reflectively. */
    public AdmissionValve() {
    }

    static void bind(String stackName, Admission admission) {
        BINDINGS.put(stackName, admission);
    }

    static void unbind(String stackName) {
        BINDINGS.remove(stackName);
    }

    @Override
    public void init(SipStack sipStack) {
        this.stack = (SipStackImpl) sipStack;
        this.admission = BINDINGS.get(sipStack.getStackName());
        if (admission == null) {
            LOG.severe("No admission policy bound for SIP stack " + sipStack.getStackName()
                    + "; every request will be refused");
        }
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Admission policy = admission;
        String method = request.getMethod();
        if (policy == null) {
            reply(request, channel, new Admission.Verdict(503, false), 0, null);
            return false;
        }
        InetAddress source = channel.getPeerPacketSourceAddress();
        if (source == null) {
            source = request.getRemoteAddress();
        }
        String callId = request.getCallId() == null ? "" : request.getCallId().getCallId();
        Admission.Verdict verdict = policy.decide(method, source, request.getToTag() != null, callId,
                ignored -> stack.findTransaction(request.getTransactionId(), true) != null
                        || stack.findPendingTransaction(request.getTransactionId()) != null);
        if (verdict.status() == 0) {
            StrictRequestCheck.Violation violation = StrictMessageParserFactory.violationOf(request);
            if (violation == null) {
                return true;
            }
            // admitted, but malformed in a way the parser repaired: the RFC's answer, statelessly
            if (!"ACK".equals(method)) {
                reply(request, channel, new Admission.Verdict(violation.status(), false), 0, violation.reason());
            }
            return false;
        }
        if (verdict.status() > 0 && !"ACK".equals(method)) {
            reply(request, channel, verdict, policy.retryAfterSeconds(), null);
        }
        return false;
    }

    private void reply(SIPRequest request, MessageChannel channel, Admission.Verdict verdict, int retryAfter,
            String reason) {
        if ("ACK".equals(request.getMethod())) {
            return;
        }
        if ("INVITE".equals(request.getMethod()) && admission != null) {
            countRejection(verdict.status());
        }
        try {
            SIPResponse response = request.createResponse(verdict.status());
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            if (response.getTo() != null && response.getTo().getTag() == null) {
                // a final response to a request outside a dialog carries a To tag (RFC 3261 §8.2.6.2)
                response.getTo().setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            if (verdict.retryAfter() && retryAfter > 0) {
                RetryAfter header = new RetryAfter();
                header.setRetryAfter(retryAfter);
                response.setHeader(header);
            }
            channel.sendMessage(response);
        } catch (IOException | java.text.ParseException | InvalidArgumentException | RuntimeException e) {
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "Could not send " + verdict.status() + " from the admission valve", e);
            }
        }
    }

    private void countRejection(int status) {
        Admission policy = admission;
        if (policy != null) {
            policy.countRejected(status);
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        Admission policy = admission;
        // responses (to our BYEs) are only accepted from trunks too
        return policy != null && policy.isAllowed(channel.getPeerPacketSourceAddress());
    }

    @Override
    public void destroy() {
        admission = null;
    }

}
