package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link Admission} while the media engine reports overload: new calls are refused, calls up are not. */
class AdmissionOverloadTest {

    private final AtomicBoolean overloaded = new AtomicBoolean();
    private final Map<String, Object> activeCalls = new ConcurrentHashMap<>();
    private final Admission admission = new Admission(EndpointSettings.from(TestConfigs.sip(5060),
            TestConfigs.trunks("127.0.0.0/8"), TestConfigs.limits()), new SipCounters(), activeCalls,
            overloaded::get);
    private final InetAddress trunk = InetAddress.getLoopbackAddress();

    private Admission.Verdict invite(String callId, boolean inDialog, boolean retransmission) {
        return admission.decide("INVITE", trunk, inDialog, callId, ignored -> retransmission);
    }

    @Test
    void aNewInviteIsRefusedWith503AndRetryAfterOnlyWhileOverloaded() {
        assertEquals(Admission.Verdict.PASS, invite("a", false, false));
        overloaded.set(true);
        Admission.Verdict refused = invite("b", false, false);
        assertEquals(503, refused.status());
        assertEquals(true, refused.retryAfter());
        overloaded.set(false);
        assertEquals(Admission.Verdict.PASS, invite("c", false, false));
    }

    @Test
    void callsAlreadyAdmittedAreNotTouched() {
        overloaded.set(true);
        activeCalls.put("up", new Object());
        assertEquals(Admission.Verdict.PASS, invite("up", false, false), "a retransmitted INVITE of a call up");
        assertEquals(Admission.Verdict.PASS, invite("x", true, false), "a re-INVITE inside a dialog");
        assertEquals(Admission.Verdict.PASS, invite("y", false, true), "an INVITE the stack already handles");
        assertEquals(Admission.Verdict.PASS, admission.decide("BYE", trunk, true, "up", ignored -> false));
        assertEquals(Admission.Verdict.PASS, admission.decide("OPTIONS", trunk, false, "o", ignored -> false),
                "OPTIONS keep-alives still answered: the trunk must not mark the pod dead");
    }

    @Test
    void strangersAreRefusedFirst() {
        overloaded.set(true);
        assertEquals(403, admission.decide("INVITE", addr(), false, "z", ignored -> false).status());
    }

    private static InetAddress addr() {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
