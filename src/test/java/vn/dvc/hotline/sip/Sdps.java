package vn.dvc.hotline.sip;

/** SDP texts a caller sends, for tests. */
final class Sdps {

    private Sdps() {
    }

    static String offer(String payloadTypes, String rtpmaps, String direction) {
        return offer("127.0.0.1", payloadTypes, rtpmaps, direction);
    }

    static String offer(String address, String payloadTypes, String rtpmaps, String direction) {
        return "v=0\r\n"
                + "o=caller 4711 1 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio 30000 RTP/AVP " + payloadTypes + "\r\n"
                + rtpmaps
                + "a=ptime:20\r\n"
                + "a=" + direction + "\r\n";
    }

    /** PCMA preferred, then PCMU, telephone-event on 96: the answer must pick 8 and echo 96. */
    static String pcmaFirst(String direction) {
        return offer("8 0 96", "a=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:96 telephone-event/8000\r\n",
                direction);
    }

    static String pcmaFirst() {
        return pcmaFirst("sendrecv");
    }
}
