package vn.dvc.hotline.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The two G.711 laws as negotiated in SDP: static RTP payload type (RFC 3551), encoding name, clock rate
 * and the byte that encodes silence.
 *
 * <p>Thread model: immutable, shareable.
 */
public enum Law {

    /** µ-law, "PCMU", payload type 0: North America, Japan, and most SIP trunks by default. */
    PCMU(0, "PCMU", G711.ULAW_SILENCE),

    /** A-law, "PCMA", payload type 8: Europe and much of Asia, including Vietnamese PSTN gateways. */
    PCMA(8, "PCMA", G711.ALAW_SILENCE);

    /** Both laws sample at 8 kHz. */
    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final String encodingName;
    private final byte silence;

    Law(int payloadType, String encodingName, byte silence) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
        this.silence = silence;
    }

    /** The static RTP payload type: 0 for PCMU, 8 for PCMA. */
    public int payloadType() {
        return payloadType;
    }

    /** The encoding name used in SDP {@code a=rtpmap}: "PCMU" or "PCMA". */
    public String encodingName() {
        return encodingName;
    }

    /** The byte that encodes linear 0 in this law (µ-law 0xFF, A-law 0xD5). */
    public byte silence() {
        return silence;
    }

    /** Encodes one 16-bit linear sample. */
    public byte encode(int sample) {
        return this == PCMU ? G711.encodeUlaw(sample) : G711.encodeAlaw(sample);
    }

    /** Decodes one byte to a 16-bit linear sample. */
    public short decode(byte encoded) {
        return this == PCMU ? G711.decodeUlaw(encoded) : G711.decodeAlaw(encoded);
    }

    /** The law with this static payload type, if it is 0 or 8. */
    public static Optional<Law> forPayloadType(int payloadType) {
        if (payloadType == PCMU.payloadType) {
            return Optional.of(PCMU);
        }
        if (payloadType == PCMA.payloadType) {
            return Optional.of(PCMA);
        }
        return Optional.empty();
    }

    /** The law with this SDP encoding name, compared ignoring case as SDP requires (RFC 4566 §6). */
    public static Optional<Law> forEncodingName(String encodingName) {
        if (encodingName == null) {
            return Optional.empty();
        }
        String upper = encodingName.trim().toUpperCase(Locale.ROOT);
        for (Law law : values()) {
            if (law.encodingName.equals(upper)) {
                return Optional.of(law);
            }
        }
        return Optional.empty();
    }
}
