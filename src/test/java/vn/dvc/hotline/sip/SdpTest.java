package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SDP parsing and offer/answer, without sockets. */
class SdpTest {

    private final SdpParser parser = new SdpParser();
    private final SdpNegotiator negotiator = new SdpNegotiator();

    @Test
    void parsesATrunkOffer() throws Exception {
        SdpSession s = parser.parse(Sdps.pcmaFirst("sendonly"));
        assertEquals("127.0.0.1", s.connectionAddress());
        assertEquals(30000, s.audioPort());
        assertEquals(3, s.payloadTypes().size());
        assertEquals("PCMA", s.payloadTypes().get(0).encoding());
        assertEquals(96, s.telephoneEventPt());
        assertEquals(MediaDirection.SENDONLY, s.direction());
        assertEquals(20, s.ptime());
        assertTrue(s.isHold());
        assertEquals("4711", s.originSessionId());
    }

    @Test
    void toleratesLfStaticTypesMediaLevelConnectionAndOtherStreams() throws Exception {
        String sdp = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=inactive\n"
                + "m=audio 4000 RTP/AVP 0 8\nc=IN IP4 192.0.2.9/127\nx-unknown\n"
                + "m=video 5000 RTP/AVP 31\na=sendonly\n";
        SdpSession s = parser.parse(sdp);
        assertEquals("192.0.2.9", s.connectionAddress());
        assertEquals("PCMU", s.payloadTypes().get(0).encoding());
        assertEquals(MediaDirection.INACTIVE, s.direction()); // session level; the video's is not ours
        assertEquals(-1, s.telephoneEventPt());
    }

    @Test
    void rejectsWhatCannotBeUsedWithSdpExceptionOnly() {
        assertThrows(SdpException.class, () -> parser.parse(""));
        assertThrows(SdpException.class, () -> parser.parse("v=0\r\nc=IN IP4 1.2.3.4\r\n"));
        assertThrows(SdpException.class, () -> parser.parse("v=0\r\nm=audio 4000 RTP/AVP 0\r\n"));
        assertThrows(SdpException.class, () -> parser.parse("c=IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n"));
        assertThrows(SdpException.class, () -> parser.parse("c=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 300\r\n"));
        assertThrows(SdpException.class, () -> parser.parse("c=IN\r\nm=audio 4000 RTP/AVP 0\r\n"));
        assertThrows(SdpException.class, () -> parser.parse("x".repeat(SdpParser.MAX_LENGTH + 1)));
    }

    @Test
    void choosesTheOfferersFirstG711AndEchoesTelephoneEvent() throws Exception {
        NegotiatedMedia m = negotiator.negotiate(parser.parse(Sdps.pcmaFirst())).orElseThrow();
        assertEquals(8, m.codec().number());
        assertEquals(96, m.telephoneEventPt());
        assertEquals(20, m.ptime());

        SdpSession dynamicPcmu = parser.parse(Sdps.offer("18 97", "a=rtpmap:97 pcmu/8000\r\n", "sendrecv"));
        assertEquals(97, negotiator.negotiate(dynamicPcmu).orElseThrow().codec().number());
    }

    @Test
    void noCommonCodecMeans488() throws Exception {
        assertTrue(negotiator.negotiate(parser.parse(Sdps.offer("18 9", "a=rtpmap:18 G729/8000\r\n", "sendrecv")))
                .isEmpty());
        // a static number remapped to another codec does not count as G.711
        assertTrue(negotiator.negotiate(parser.parse(Sdps.offer("0", "a=rtpmap:0 OPUS/48000\r\n", "sendrecv")))
                .isEmpty());
    }

    @Test
    void answerMirrorsDirectionAndCarriesOurAddressAndPort() throws Exception {
        SdpSession offer = parser.parse(Sdps.pcmaFirst("sendonly"));
        NegotiatedMedia m = negotiator.negotiate(offer).orElseThrow();
        String answer = negotiator.answer(offer, m, "203.0.113.5", 40000, 77, 2);
        assertTrue(answer.startsWith("v=0\r\no=dvc-hotline 77 2 IN IP4 203.0.113.5\r\n"), answer);
        assertTrue(answer.contains("c=IN IP4 203.0.113.5\r\n"));
        assertTrue(answer.contains("m=audio 40000 RTP/AVP 8 96\r\n"));
        assertTrue(answer.contains("a=recvonly\r\n"));
        SdpSession reparsed = parser.parse(answer);
        assertEquals(MediaDirection.RECVONLY, reparsed.direction());
        assertEquals(96, reparsed.telephoneEventPt());
    }

    @Test
    void ourOfferForALateOffer() throws Exception {
        String offer = negotiator.offer("2001:db8::5", 40000, 1, 1);
        assertTrue(offer.contains("c=IN IP6 2001:db8::5\r\n"));
        SdpSession parsed = parser.parse(offer);
        assertEquals(3, parsed.payloadTypes().size());
        assertEquals(101, parsed.telephoneEventPt());
        assertFalse(parsed.isHold());
    }
}
