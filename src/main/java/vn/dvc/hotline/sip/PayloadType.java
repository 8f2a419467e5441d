package vn.dvc.hotline.sip;

import java.util.Locale;

/**
 * One RTP payload type of an SDP media line with its {@code a=rtpmap} (or the static RFC 3551 mapping).
 *
 * @param number payload type number, 0..127
 * @param encoding encoding name as written, e.g. {@code PCMU}, {@code telephone-event}; empty if unknown
 * @param clockRate clock rate in Hz, 0 if unknown
 */
public record PayloadType(int number, String encoding, int clockRate) {

    public static final int PCMU = 0;
    public static final int PCMA = 8;

    public PayloadType {
        if (number < 0 || number > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, was " + number);
        }
        encoding = encoding == null ? "" : encoding;
    }

    /** Whether this is the given encoding at 8 kHz (case-insensitive, as RFC 4566 says encoding names are). */
    public boolean is(String name) {
        return encoding.equalsIgnoreCase(name) && (clockRate == 8000 || clockRate == 0);
    }

    /** The static mapping of RFC 3551 table 4 for the payload types a telephone trunk uses. */
    static PayloadType ofStatic(int number) {
        return switch (number) {
            case 0 -> new PayloadType(0, "PCMU", 8000);
            case 3 -> new PayloadType(3, "GSM", 8000);
            case 4 -> new PayloadType(4, "G723", 8000);
            case 8 -> new PayloadType(8, "PCMA", 8000);
            case 9 -> new PayloadType(9, "G722", 8000);
            case 18 -> new PayloadType(18, "G729", 8000);
            default -> new PayloadType(number, "", 0);
        };
    }

    @Override
    public String toString() {
        return number + " " + encoding.toUpperCase(Locale.ROOT) + "/" + clockRate;
    }
}
