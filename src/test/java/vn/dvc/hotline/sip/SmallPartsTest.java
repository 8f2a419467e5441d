package vn.dvc.hotline.sip;

import vn.dvc.hotline.media.DtmfEvent;
import vn.dvc.hotline.media.SipInfoDtmfParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CIDR matching, configuration checks and INFO DTMF bodies. */
class SmallPartsTest {

    @Test
    void cidrMatchesV4V6AndMappedAddresses() throws Exception {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertTrue(ten.contains(InetAddress.getByName("10.200.1.1")));
        assertFalse(ten.contains(InetAddress.getByName("11.0.0.1")));
        assertTrue(ten.contains(InetAddress.getByName("::ffff:10.1.2.3")));
        Cidr twelve = Cidr.parse("172.16.0.0/12");
        assertTrue(twelve.contains(InetAddress.getByName("172.31.255.255")));
        assertFalse(twelve.contains(InetAddress.getByName("172.32.0.0")));
        Cidr ula = Cidr.parse("fc00::/7");
        assertTrue(ula.contains(InetAddress.getByName("fd12::1")));
        assertFalse(ula.contains(InetAddress.getByName("2001:db8::1")));
        assertFalse(ula.contains(InetAddress.getByName("10.0.0.1")));
        assertTrue(Cidr.parse("127.0.0.2").contains(InetAddress.getByName("127.0.0.2")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("198.51.100.1")));
        for (String bad : List.of("10.0.0.0/33", "example.com/8", "10.0.0/8", "", "::1/129", "10.0.0.0/x")) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }

    @Test
    void badConfigurationNamesTheKey() {
        TestConfigs.Sip ok = TestConfigs.sip(5060);
        assertKey("hotline.sip.port", () -> EndpointSettings.from(new TestConfigs.Sip("127.0.0.1", 70000,
                List.of("udp"), Optional.empty(), TestConfigs.Stack.defaults()), TestConfigs.trunks("10.0.0.0/8"),
                TestConfigs.limits()));
        assertKey("hotline.sip.transports", () -> EndpointSettings.from(new TestConfigs.Sip("127.0.0.1", 5060,
                List.of("udp", "sctp"), Optional.empty(), TestConfigs.Stack.defaults()),
                TestConfigs.trunks("10.0.0.0/8"), TestConfigs.limits()));
        assertKey("hotline.trunks.allow", () -> EndpointSettings.from(ok, TestConfigs.trunks("10.0.0.0/40"),
                TestConfigs.limits()));
        assertKey("hotline.calls.max-concurrent", () -> EndpointSettings.from(ok, TestConfigs.trunks("10.0.0.0/8"),
                new TestConfigs.Limits(0, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1))));
        assertKey("hotline.calls.ack-timeout", () -> EndpointSettings.from(ok, TestConfigs.trunks("10.0.0.0/8"),
                new TestConfigs.Limits(1, Duration.ofMinutes(1), Duration.ZERO, Duration.ofSeconds(1))));
        TestConfigs.Stack noQueue = new TestConfigs.Stack(4, 1000, 1 << 20, 1 << 20, false, 65536, 0);
        TestConfigs.Sip noQueueSip = new TestConfigs.Sip("127.0.0.1", 5060, List.of("udp"), Optional.empty(), noQueue);
        assertKey("hotline.sip.stack.udp-queue-limit", () -> EndpointSettings.from(noQueueSip,
                TestConfigs.trunks("10.0.0.0/8"), TestConfigs.limits()));
        EndpointSettings s = EndpointSettings.from(new TestConfigs.Sip("0.0.0.0", 5060, List.of("UDP"),
                Optional.empty(), TestConfigs.Stack.defaults()), TestConfigs.trunks("10.0.0.0/8"), TestConfigs.limits());
        assertFalse(s.publicAddress().equals("0.0.0.0"), "wildcard is never a public address");
        assertEquals(30, s.retryAfterSeconds());
    }

    private static void assertKey(String key, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void dtmfInfoBodies() {
        // The SIP layer reads INFO bodies with the media package's parser: the cases it relies on.
        assertEquals('5', SipInfoDtmfParser.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals('*', SipInfoDtmfParser.parse("Application/DTMF-Relay; charset=x", "signal = 10\r\n"));
        assertEquals('#', SipInfoDtmfParser.parse("application/dtmf", "#"));
        assertEquals('A', SipInfoDtmfParser.parse("application/dtmf", "a"));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse("application/dtmf-relay", "Duration=160"));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse("application/dtmf", "55"));
        assertFalse(SipInfoDtmfParser.supports("text/plain"));
        assertFalse(SipInfoDtmfParser.supports(null));
    }

    @Test
    void theFirstRefusalWithAStatusIsHeardOnceAndEveryRefusalCounted() {
        SipCounters counters = new SipCounters();
        List<Integer> firsts = new ArrayList<>();
        counters.countRejected(503); // before anyone listens: counted, and found later in the snapshot
        counters.onFirstRefusal(firsts::add);
        counters.countRejected(400);
        counters.countRejected(400);
        counters.countRejected(503);
        counters.countRejected(488);
        assertEquals(List.of(400, 488), firsts);
        assertEquals(2, counters.rejected(400));
        assertEquals(2, counters.rejected(503));
        assertEquals(0, counters.rejected(415));
        assertEquals(List.of(400, 488, 503), List.copyOf(counters.rejectedByStatus().keySet()));
    }
}
