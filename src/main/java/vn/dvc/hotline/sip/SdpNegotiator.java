package vn.dvc.hotline.sip;

import java.util.Optional;

/**
 * SDP offer/answer (RFC 3264) for a G.711 telephone service, and the text of our own descriptions.
 *
 * <p>We accept the first payload type of the offer that is PCMU or PCMA (the offerer's preference,
 * RFC 3264 §6.1), echo the offer's telephone-event payload type, and always send 20 ms packets.
 * When the caller sends no offer (late offer), we offer PCMU, PCMA and telephone-event/101.
 *
 * <p>Pure and stateless: no sockets, no clock; safe on any thread.
 */
public final class SdpNegotiator {

    /** The telephone-event payload type we offer when we write the offer. */
    public static final int OUR_TELEPHONE_EVENT_PT = 101;
    /** Packetisation time we send, in ms. */
    public static final int PTIME = 20;

    /**
     * Chooses the codec for an offer.
     *
     * @param offer the peer's offer (or, for a late offer, its answer to ours)
     * @return the negotiated media, or empty if no payload type is acceptable (answer 488)
     */
    public Optional<NegotiatedMedia> negotiate(SdpSession offer) {
        for (PayloadType pt : offer.payloadTypes()) {
            if (isSupported(pt)) {
                PayloadType codec = pt.number() == PayloadType.PCMU || pt.is("PCMU")
                        ? new PayloadType(pt.number(), "PCMU", 8000)
                        : new PayloadType(pt.number(), "PCMA", 8000);
                return Optional.of(new NegotiatedMedia(codec, offer.telephoneEventPt(), PTIME, offer));
            }
        }
        return Optional.empty();
    }

    private static boolean isSupported(PayloadType pt) {
        // Static numbers are authoritative unless an rtpmap says otherwise; dynamic ones only by name.
        if (pt.number() == PayloadType.PCMU || pt.number() == PayloadType.PCMA) {
            return pt.encoding().isEmpty() || pt.is("PCMU") || pt.is("PCMA");
        }
        return pt.number() >= 96 && (pt.is("PCMU") || pt.is("PCMA"));
    }

    /**
     * Writes our answer to an offer.
     *
     * @param offer the peer's offer
     * @param media the negotiation result for that offer
     * @param address our public media address (IPv4 or IPv6 literal)
     * @param rtpPort our RTP port
     * @param sessionId our o= session id (constant for the call)
     * @param version our o= version (incremented with every new description, RFC 3264 §8)
     * @return the SDP text, CRLF line ends
     */
    public String answer(SdpSession offer, NegotiatedMedia media, String address, int rtpPort,
            long sessionId, long version) {
        StringBuilder sdp = header(address, sessionId, version);
        PayloadType codec = media.codec();
        int te = media.telephoneEventPt();
        sdp.append("m=audio ").append(rtpPort).append(" RTP/AVP ").append(codec.number());
        if (te >= 0) {
            sdp.append(' ').append(te);
        }
        sdp.append("\r\n");
        sdp.append("a=rtpmap:").append(codec.number()).append(' ').append(codec.encoding()).append("/8000\r\n");
        if (te >= 0) {
            sdp.append("a=rtpmap:").append(te).append(" telephone-event/8000\r\n");
            sdp.append("a=fmtp:").append(te).append(" 0-15\r\n");
        }
        sdp.append("a=ptime:").append(PTIME).append("\r\n");
        sdp.append("a=").append(offer.direction().answerTo().attribute()).append("\r\n");
        return sdp.toString();
    }

    /**
     * Writes our offer, for an INVITE that came without one (late offer) or a re-INVITE without SDP.
     *
     * @param address our public media address
     * @param rtpPort our RTP port
     * @param sessionId our o= session id
     * @param version our o= version
     * @return the SDP text, CRLF line ends
     */
    public String offer(String address, int rtpPort, long sessionId, long version) {
        StringBuilder sdp = header(address, sessionId, version);
        sdp.append("m=audio ").append(rtpPort).append(" RTP/AVP 0 8 ").append(OUR_TELEPHONE_EVENT_PT).append("\r\n");
        sdp.append("a=rtpmap:0 PCMU/8000\r\n");
        sdp.append("a=rtpmap:8 PCMA/8000\r\n");
        sdp.append("a=rtpmap:").append(OUR_TELEPHONE_EVENT_PT).append(" telephone-event/8000\r\n");
        sdp.append("a=fmtp:").append(OUR_TELEPHONE_EVENT_PT).append(" 0-15\r\n");
        sdp.append("a=ptime:").append(PTIME).append("\r\n");
        sdp.append("a=sendrecv\r\n");
        return sdp.toString();
    }

    /**
     * Reads the peer's answer to our offer (late offer): the answerer picks from our list, so only a
     * payload type we offered counts, and the telephone-event type is ours if it accepted it.
     */
    public Optional<NegotiatedMedia> acceptAnswer(SdpSession answer) {
        Optional<NegotiatedMedia> chosen = negotiate(answer);
        return chosen.map(m -> new NegotiatedMedia(m.codec(),
                answer.telephoneEventPt() >= 0 ? answer.telephoneEventPt() : -1, PTIME, answer));
    }

    private static StringBuilder header(String address, long sessionId, long version) {
        String addrType = address.indexOf(':') >= 0 ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(320);
        sdp.append("v=0\r\n");
        sdp.append("o=dvc-hotline ").append(sessionId).append(' ').append(version)
                .append(" IN ").append(addrType).append(' ').append(address).append("\r\n");
        sdp.append("s=dvc-hotline\r\n");
        sdp.append("c=IN ").append(addrType).append(' ').append(address).append("\r\n");
        sdp.append("t=0 0\r\n");
        return sdp;
    }
}
