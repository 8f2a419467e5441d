package vn.dvc.hotline.media;

/**
 * The sixteen DTMF keys and their RFC 4733 event codes: 0-9 are the digits, 10 is '*', 11 is '#',
 * 12-15 are 'A'-'D'. Digits travel through the media package as a {@code char}, with
 * {@link #NONE} for "no digit", so that per-packet and per-frame results need no boxing.
 *
 * <p>Thread model: stateless static methods; safe from any thread.
 */
public final class DtmfEvent {

    /** Returned where no digit was recognised. */
    public static final char NONE = '\0';

    /** Number of DTMF event codes (0..15). */
    public static final int COUNT = 16;

    private static final String KEYS = "0123456789*#ABCD";

    private DtmfEvent() {
    }

    /** The key for an RFC 4733 event code, or {@link #NONE} if the code is not 0..15. */
    public static char toDigit(int eventCode) {
        if (eventCode < 0 || eventCode >= COUNT) {
            return NONE;
        }
        return KEYS.charAt(eventCode);
    }

    /** The RFC 4733 event code of a key ('a'-'d' accepted for 'A'-'D'), or -1 if it is not a DTMF key. */
    public static int toEventCode(char digit) {
        if (digit >= '0' && digit <= '9') {
            return digit - '0';
        }
        switch (digit) {
            case '*':
                return 10;
            case '#':
                return 11;
            case 'A':
            case 'a':
                return 12;
            case 'B':
            case 'b':
                return 13;
            case 'C':
            case 'c':
                return 14;
            case 'D':
            case 'd':
                return 15;
            default:
                return -1;
        }
    }

    /** Whether {@code digit} is one of the sixteen keys in canonical form ('0'-'9', '*', '#', 'A'-'D'). */
    public static boolean isDigit(char digit) {
        return digit != NONE && KEYS.indexOf(digit) >= 0;
    }
}
