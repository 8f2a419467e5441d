package vn.dvc.hotline.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the audio part of an SDP body (RFC 4566) into an {@link SdpSession}.
 *
 * <p>Tolerant as telephone equipment requires: LF or CRLF line ends, unknown lines and attributes,
 * extra media lines and surrounding blanks are ignored. It fails, always with an {@link SdpException}
 * and never with another exception, only when there is nothing usable: no {@code m=audio} line, no
 * connection address, a port or payload type that is not a number.
 *
 * <p>Stateless; safe on any thread.
 */
public final class SdpParser {

    /** SDP bodies from trunks are a few hundred bytes; refuse anything absurd before splitting it. */
    static final int MAX_LENGTH = 16 * 1024;
    /** Compiled once: {@code String.split} compiles a regex at every call, a few per INVITE. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Parses an SDP body.
     *
     * @param sdp the body text
     * @return the audio session
     * @throws SdpException if the body has no usable audio stream
     */
    public SdpSession parse(String sdp) throws SdpException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("empty session description");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException("session description longer than " + MAX_LENGTH + " characters");
        }
        String sessionId = "";
        String version = "";
        String sessionConnection = null;
        MediaDirection sessionDirection = null;
        String mediaConnection = null;
        MediaDirection mediaDirection = null;
        int port = -1;
        List<Integer> formats = null;
        Map<Integer, PayloadType> rtpmaps = new HashMap<>();
        int ptime = 0;
        boolean inAudio = false;
        boolean seenAudio = false;

        for (String raw : sdp.split("\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2).strip();
            switch (type) {
                case 'o' -> {
                    String[] f = WHITESPACE.split(value);
                    if (f.length >= 3) {
                        sessionId = f[1];
                        version = f[2];
                    }
                }
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (inAudio) {
                        mediaConnection = address;
                    } else if (!seenAudio) {
                        sessionConnection = address;
                    }
                }
                case 'm' -> {
                    if (seenAudio) {
                        inAudio = false; // a later stream (video, a second audio): not ours
                        continue;
                    }
                    String[] f = WHITESPACE.split(value);
                    if (f.length >= 3 && f[0].equalsIgnoreCase("audio")) {
                        port = number(f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1],
                                "audio port", 0, 65535);
                        formats = new ArrayList<>();
                        for (int i = 3; i < f.length; i++) {
                            formats.add(number(f[i], "payload type", 0, 127));
                        }
                        inAudio = true;
                        seenAudio = true;
                    } else {
                        inAudio = false;
                    }
                }
                case 'a' -> {
                    if (seenAudio && !inAudio) {
                        continue;
                    }
                    MediaDirection direction = direction(value);
                    if (direction != null) {
                        if (inAudio) {
                            mediaDirection = direction;
                        } else {
                            sessionDirection = direction;
                        }
                    } else if (inAudio && startsWithIgnoreCase(value, "rtpmap:")) {
                        PayloadType pt = rtpmap(value.substring(7));
                        if (pt != null) {
                            rtpmaps.put(pt.number(), pt);
                        }
                    } else if (inAudio && startsWithIgnoreCase(value, "ptime:")) {
                        try {
                            ptime = Integer.parseInt(value.substring(6).strip());
                        } catch (NumberFormatException e) {
                            ptime = 0; // a bad ptime is advisory only (RFC 4566 §6)
                        }
                    }
                }
                default -> {
                    // v=, s=, t=, b=, k=, i=, u=, e=, p=, z=, r=: nothing we act on
                }
            }
        }
        if (!seenAudio) {
            throw new SdpException("no m=audio line");
        }
        String connection = mediaConnection != null ? mediaConnection : sessionConnection;
        if (connection == null) {
            throw new SdpException("no c= connection address for the audio stream");
        }
        List<PayloadType> payloadTypes = new ArrayList<>(formats.size());
        int telephoneEvent = -1;
        for (int number : formats) {
            PayloadType pt = rtpmaps.getOrDefault(number, PayloadType.ofStatic(number));
            payloadTypes.add(pt);
            if (telephoneEvent < 0 && pt.is("telephone-event")) {
                telephoneEvent = number;
            }
        }
        MediaDirection direction = mediaDirection != null ? mediaDirection
                : sessionDirection != null ? sessionDirection : MediaDirection.SENDRECV;
        return new SdpSession(sessionId, version, connection, port, payloadTypes, telephoneEvent, direction,
                ptime);
    }

    private static String connectionAddress(String value) throws SdpException {
        // c=<nettype> <addrtype> <connection-address>, the address possibly with /ttl or /count
        String[] f = WHITESPACE.split(value);
        if (f.length < 3 || !f[0].equalsIgnoreCase("IN")) {
            throw new SdpException("bad c= line: " + abbreviate(value));
        }
        String address = f[2];
        int slash = address.indexOf('/');
        return slash > 0 ? address.substring(0, slash) : address;
    }

    private static MediaDirection direction(String attribute) {
        return switch (attribute.toLowerCase(Locale.ROOT)) {
            case "sendrecv" -> MediaDirection.SENDRECV;
            case "sendonly" -> MediaDirection.SENDONLY;
            case "recvonly" -> MediaDirection.RECVONLY;
            case "inactive" -> MediaDirection.INACTIVE;
            default -> null;
        };
    }

    /** {@code <pt> <encoding>/<rate>[/<channels>]}; an unreadable rtpmap is ignored, not fatal. */
    private static PayloadType rtpmap(String value) {
        String[] f = WHITESPACE.split(value.strip(), 2);
        if (f.length < 2) {
            return null;
        }
        try {
            int number = Integer.parseInt(f[0]);
            if (number < 0 || number > 127) {
                return null;
            }
            String[] enc = f[1].split("/");
            int rate = enc.length > 1 ? Integer.parseInt(enc[1].strip()) : 0;
            return new PayloadType(number, enc[0].strip(), rate);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int number(String text, String what, int min, int max) throws SdpException {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new SdpException(what + " out of range: " + abbreviate(text));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SdpException(what + " is not a number: " + abbreviate(text));
        }
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
