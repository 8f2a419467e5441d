package vn.dvc.hotline.media;

import java.time.Duration;

/**
 * Checks {@link RtpConfig} once at startup, so that a wrong deployment fails at once with a message that
 * names the key instead of misbehaving on the first call.
 *
 * <p>Thread model: stateless static methods; safe on any thread.
 */
public final class RtpConfigCheck {

    /** Lowest allowed {@code port-min}: ports below are privileged. */
    public static final int LOWEST_PORT = 1024;

    private RtpConfigCheck() {
    }

    /**
     * Checks every key.
     *
     * @throws IllegalArgumentException naming the key and the fix, for the first bad value
     */
    public static void validate(RtpConfig config) {
        int min = config.portMin();
        int max = config.portMax();
        if (min < LOWEST_PORT || min > 65534) {
            throw bad("hotline.rtp.port-min", "must be " + LOWEST_PORT + "..65534, was " + min);
        }
        if ((min & 1) != 0) {
            throw bad("hotline.rtp.port-min", "must be even (RTP takes even ports, RTCP the odd one above), was "
                    + min + "; use " + (min + 1));
        }
        if (max <= min || max > 65535) {
            throw bad("hotline.rtp.port-max", "must be above hotline.rtp.port-min (" + min + ") and at most 65535,"
                    + " was " + max);
        }
        String bind = config.bindAddress().map(String::strip).orElse(RtpConfig.ANY_ADDRESS);
        if (!isIpLiteral(bind)) {
            throw bad("hotline.rtp.bind-address", "'" + bind + "' is not an IPv4 or IPv6 address; leave it unset"
                    + " to bind every interface");
        }
        Duration lag = config.overloadLagLimit();
        if (lag == null || lag.isNegative() || lag.compareTo(Duration.ofMillis(60)) > 0) {
            throw bad("hotline.rtp.overload-lag-limit", "must be 0 (off) up to 60ms (three frames), e.g. 10ms, was "
                    + lag);
        }
        Duration timeout = config.inactivityTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw bad("hotline.rtp.inactivity-timeout", "must be positive, e.g. 30s, was " + timeout);
        }
    }

    /**
     * The bind address to use: the configured one, stripped, or {@value RtpConfig#ANY_ADDRESS}.
     */
    static String bindAddress(RtpConfig config) {
        return config.bindAddress().map(String::strip).filter(s -> !s.isEmpty()).orElse(RtpConfig.ANY_ADDRESS);
    }

    /**
     * Whether {@code s} is an IP literal. Checked by form rather than with {@code InetAddress.getByName},
     * which would look a host name up in DNS: a name here would be resolved again at every bind.
     */
    static boolean isIpLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String key, String message) {
        return new IllegalArgumentException(key + " " + message);
    }
}
