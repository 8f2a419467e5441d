package vn.dvc.hotline.sip;

import java.util.Locale;

/**
 * Reads the digit of a SIP INFO DTMF body (the pre-RFC 6086 "legacy" INFO usage that trunks send).
 *
 * <ul>
 *   <li>{@code application/dtmf-relay}: lines {@code Signal=5} and {@code Duration=160}; some gateways
 *       write {@code Signal=10} for {@code *} and {@code Signal=11} for {@code #}.</li>
 *   <li>{@code application/dtmf}: the digit alone, e.g. {@code 5} (some send 10/11 as well).</li>
 * </ul>
 *
 * <p>Stateless; safe on any thread.
 */
public final class DtmfInfoParser {

    /** Content types we accept, for the Accept header of a 415. */
    public static final String ACCEPTED = "application/dtmf-relay, application/dtmf";

    /** Result of {@link #parse}: {@link #UNSUPPORTED_TYPE}, {@link #MALFORMED} or the digit. */
    public static final int UNSUPPORTED_TYPE = -1;
    public static final int MALFORMED = -2;

    /**
     * @param contentType type/subtype, any case, parameters allowed
     * @param body the body text
     * @return the digit (a char value) or a negative code
     */
    public int parse(String contentType, String body) {
        if (contentType == null) {
            return UNSUPPORTED_TYPE;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.strip();
        if (type.equals("application/dtmf-relay")) {
            for (String line : (body == null ? "" : body).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("signal")) {
                    return digit(line.substring(eq + 1).strip());
                }
            }
            return MALFORMED;
        }
        if (type.equals("application/dtmf")) {
            return digit(body == null ? "" : body.strip());
        }
        return UNSUPPORTED_TYPE;
    }

    private static int digit(String s) {
        if (s.length() == 1) {
            char c = Character.toUpperCase(s.charAt(0));
            if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D')) {
                return c;
            }
            return MALFORMED;
        }
        return switch (s) {
            case "10" -> '*';
            case "11" -> '#';
            case "12" -> 'A';
            case "13" -> 'B';
            case "14" -> 'C';
            case "15" -> 'D';
            default -> MALFORMED;
        };
    }
}
