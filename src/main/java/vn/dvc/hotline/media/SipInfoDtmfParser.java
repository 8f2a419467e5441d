package vn.dvc.hotline.media;

import java.util.Locale;

/**
 * Reads the key from the body of a SIP INFO request carrying DTMF, for trunks that send keys that way
 * instead of RFC 4733 packets. Two bodies are in use:
 * <ul>
 *   <li>{@code application/dtmf-relay} (Cisco's de-facto format): lines {@code Signal=5} and
 *       {@code Duration=160}. Parsed tolerantly, as gateways differ: CRLF or LF, any case in the key,
 *       spaces or tabs around key and value, {@code :} instead of {@code =}, lower-case 'a'-'d', and the
 *       numeric event codes 10-15 for '*', '#', 'A'-'D' that some gateways send. The first
 *       {@code Signal} line decides; {@code Duration} is not needed to report a press.</li>
 *   <li>{@code application/dtmf} (RFC 2976's examples): the body is the key itself or its event code.</li>
 * </ul>
 * Bad input never throws: the result is then {@link DtmfEvent#NONE}, and the SIP layer answers the INFO
 * as it sees fit.
 *
 * <p>Thread model: stateless static methods; safe from any thread.
 */
public final class SipInfoDtmfParser {

    /** Content type of Cisco-style bodies. */
    public static final String DTMF_RELAY = "application/dtmf-relay";
    /** Content type of bodies holding only the key. */
    public static final String DTMF = "application/dtmf";

    private SipInfoDtmfParser() {
    }

    /** Whether {@code contentType} (parameters allowed) is one of the two DTMF body types. */
    public static boolean supports(String contentType) {
        String type = mediaType(contentType);
        return DTMF_RELAY.equals(type) || DTMF.equals(type);
    }

    /**
     * The key in a body of the given content type.
     *
     * @param contentType the Content-Type header value, parameters allowed; other types yield no key
     * @return the key in canonical form ('0'-'9', '*', '#', 'A'-'D') or {@link DtmfEvent#NONE}
     */
    public static char parse(String contentType, CharSequence body) {
        String type = mediaType(contentType);
        if (DTMF_RELAY.equals(type)) {
            return parseDtmfRelay(body);
        }
        if (DTMF.equals(type)) {
            return parseDtmf(body);
        }
        return DtmfEvent.NONE;
    }

    /** The key in an {@code application/dtmf-relay} body, or {@link DtmfEvent#NONE}. */
    public static char parseDtmfRelay(CharSequence body) {
        if (body == null) {
            return DtmfEvent.NONE;
        }
        int length = body.length();
        int lineStart = 0;
        while (lineStart < length) {
            int lineEnd = lineStart;
            while (lineEnd < length && body.charAt(lineEnd) != '\n' && body.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int separator = indexOfSeparator(body, lineStart, lineEnd);
            if (separator >= 0 && isSignalKey(body, lineStart, separator)) {
                return parseKey(body, separator + 1, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return DtmfEvent.NONE;
    }

    /** The key in an {@code application/dtmf} body (the key or its event code), or {@link DtmfEvent#NONE}. */
    public static char parseDtmf(CharSequence body) {
        if (body == null) {
            return DtmfEvent.NONE;
        }
        return parseKey(body, 0, body.length());
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static int indexOfSeparator(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSignalKey(CharSequence s, int from, int to) {
        int start = skipBlanks(s, from, to);
        int end = trimBlanks(s, start, to);
        String key = "signal";
        if (end - start != key.length()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.toLowerCase(s.charAt(start + i)) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A key, or an event code 0..15 in at most two digits, between blanks; anything else is no key. */
    private static char parseKey(CharSequence s, int from, int to) {
        int start = skipWhitespace(s, from, to);
        int end = trimWhitespace(s, start, to);
        int length = end - start;
        if (length == 1) {
            int code = DtmfEvent.toEventCode(s.charAt(start));
            return DtmfEvent.toDigit(code);
        }
        if (length == 2 && isAsciiDigit(s.charAt(start)) && isAsciiDigit(s.charAt(start + 1))) {
            int code = (s.charAt(start) - '0') * 10 + (s.charAt(start + 1) - '0');
            return DtmfEvent.toDigit(code);
        }
        return DtmfEvent.NONE;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipBlanks(CharSequence s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimBlanks(CharSequence s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    // The whole application/dtmf body may end in CRLF, hence whitespace rather than blanks.
    private static int skipWhitespace(CharSequence s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimWhitespace(CharSequence s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
