package vn.dvc.hotline.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What RFC 3261's grammar forbids but JAIN-SIP's lenient parser repairs, checked on the raw bytes of a
 * request before it is parsed (RFC 4475 §3.1.2, §3.3):
 * <ul>
 *   <li>a SIP-Version other than SIP/2.0 → 505 ({@code badvers}: the RI's request-line parser reports
 *       every version as SIP/2.0, so this cannot be decided after parsing);</li>
 *   <li>a Request-Line that is not exactly {@code Method SP Request-URI SP SIP-Version}: leading,
 *       doubled or trailing whitespace → 400 ({@code lwsstart}, {@code trws});</li>
 *   <li>a single-valued header given twice, in long or compact form → 400 ({@code multi01},
 *       {@code mcl01}: with two Content-Lengths the body's end is unknowable); the parser keeps one;</li>
 *   <li>an unquoted display name in To or From holding an ASCII separator such as a comma → 400
 *       ({@code baddn}). Octets above 0x7F are let through: trunks send unquoted UTF-8 Vietnamese names,
 *       which the parser reads correctly and refusing them would refuse real calls.</li>
 * </ul>
 * Responses are not checked: we never answer a response. Everything else is left to the parser.
 *
 * <p>Thread model: stateless; {@link #check} runs on the stack's parsing threads, concurrently.
 */
final class StrictRequestCheck {

    /** A rule broken: the status to answer and a reason phrase naming the fault. */
    record Violation(int status, String reason) {
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("[^ \\t]+ [^ \\t]+ SIP/2\\.0",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern SIP_VERSION = Pattern.compile("SIP/[0-9]+\\.[0-9]+", Pattern.CASE_INSENSITIVE);
    /** Single-valued headers (RFC 3261 §7.3.1: only headers defined as comma lists may repeat). */
    private static final Set<String> SINGLE_VALUED = Set.of("to", "from", "call-id", "cseq", "max-forwards",
            "content-length", "content-type");
    private static final Map<String, String> COMPACT = Map.of("t", "to", "f", "from", "i", "call-id",
            "l", "content-length", "c", "content-type");
    /** RFC 3261 §25.1 token characters besides alphanumerics. */
    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    private StrictRequestCheck() {
    }

    /**
     * Checks the start line and headers of a raw message.
     *
     * @param message the bytes as received (header section at least)
     * @return the rule broken, or null when there is nothing to refuse (or it is a response)
     */
    static Violation check(byte[] message) {
        int n = message.length;
        int i = 0;
        // RFC 3261 §7.5: CRLFs before the start line are ignored, not an error
        while (i < n && (message[i] == '\r' || message[i] == '\n')) {
            i++;
        }
        int end = lineEnd(message, i);
        String start = new String(message, i, end - i, StandardCharsets.ISO_8859_1);
        if (start.regionMatches(true, 0, "SIP/", 0, 4)) {
            return null;
        }
        String[] parts = BLANKS.split(start.strip());
        String version = parts[parts.length - 1];
        if (parts.length == 3 && SIP_VERSION.matcher(version).matches() && !version.equalsIgnoreCase("SIP/2.0")) {
            return new Violation(505, "Version Not Supported");
        }
        if (!REQUEST_LINE.matcher(start).matches()) {
            return new Violation(400, "Malformed Request-Line");
        }
        Set<String> seen = new HashSet<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        i = next(message, end);
        while (i < n) {
            end = lineEnd(message, i);
            if (end == i) {
                break; // the empty line: the body follows
            }
            String line = new String(message, i, end - i, StandardCharsets.ISO_8859_1);
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                value.append(' ').append(line.strip()); // folded continuation of the previous header
            } else {
                Violation v = header(name, value);
                if (v != null) {
                    return v;
                }
                int colon = line.indexOf(':');
                name = colon < 0 ? null : canonical(line.substring(0, colon));
                value.setLength(0);
                if (name != null) {
                    value.append(line.substring(colon + 1).strip());
                    if (SINGLE_VALUED.contains(name) && !seen.add(name)) {
                        return new Violation(400, "Duplicate " + name + " header");
                    }
                }
            }
            i = next(message, end);
        }
        return header(name, value);
    }

    private static Violation header(String name, CharSequence value) {
        if (!"to".equals(name) && !"from".equals(name)) {
            return null;
        }
        String v = value.toString();
        int angle = v.indexOf('<');
        if (angle <= 0 || v.charAt(0) == '"') {
            return null; // no display name, or a quoted one: the parser checks quoting
        }
        for (int k = 0; k < angle; k++) {
            char c = v.charAt(k);
            boolean allowed = c >= 0x80 || Character.isLetterOrDigit(c) || c == ' ' || c == '\t'
                    || TOKEN_MARKS.indexOf(c) >= 0;
            if (!allowed) {
                return new Violation(400, "Unquoted display name with '" + c + "' in " + name);
            }
        }
        return null;
    }

    private static String canonical(String headerName) {
        String lower = headerName.strip().toLowerCase(Locale.ROOT);
        return COMPACT.getOrDefault(lower, lower);
    }

    /** Index of the CR or LF ending the line that starts at {@code from}, or the length. */
    private static int lineEnd(byte[] m, int from) {
        int k = from;
        while (k < m.length && m[k] != '\r' && m[k] != '\n') {
            k++;
        }
        return k;
    }

    /** Start of the line after the line end at {@code end} (CRLF, or a bare LF or CR). */
    private static int next(byte[] m, int end) {
        if (end < m.length && m[end] == '\r') {
            end++;
        }
        if (end < m.length && m[end] == '\n') {
            end++;
        }
        return end;
    }
}
