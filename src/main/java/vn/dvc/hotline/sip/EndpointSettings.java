package vn.dvc.hotline.sip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SIP layer's configuration, checked and resolved once at startup.
 *
 * <p>Every check names the offending key, so a wrong deployment fails at once with a message an
 * operator can act on instead of misbehaving on the first call. Immutable; safe on any thread.
 *
 * @param host bind address
 * @param port SIP port
 * @param transports lower-case transports, in configured order
 * @param publicAddress address for Contact and SDP
 * @param allow trunk allow-list
 * @param maxConcurrent maximum concurrent calls
 * @param maxDuration maximum call duration
 * @param ackTimeout wait for the ACK of a 2xx
 * @param retryAfterSeconds Retry-After value for 503
 * @param stack stack tuning
 */
public record EndpointSettings(
        String host,
        int port,
        Set<String> transports,
        String publicAddress,
        List<Cidr> allow,
        int maxConcurrent,
        Duration maxDuration,
        Duration ackTimeout,
        int retryAfterSeconds,
        SipConfig.Stack stack) {

    /**
     * Checks and resolves the three configuration groups.
     *
     * @throws IllegalArgumentException naming the key and the fix, for the first bad value
     */
    public static EndpointSettings from(SipConfig sip, TrunkConfig trunks, CallLimitsConfig calls) {
        String host = sip.host().strip();
        InetAddress bind;
        try {
            bind = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw bad("hotline.sip.host", "'" + host + "' is not an address of this host");
        }
        if (sip.port() < 1 || sip.port() > 65535) {
            throw bad("hotline.sip.port", "must be 1..65535, was " + sip.port());
        }
        Set<String> transports = new LinkedHashSet<>();
        for (String t : sip.transports()) {
            String name = t.strip().toLowerCase(Locale.ROOT);
            if (!name.equals("udp") && !name.equals("tcp")) {
                throw bad("hotline.sip.transports", "unknown transport '" + t + "'; use udp and/or tcp");
            }
            transports.add(name);
        }
        if (transports.isEmpty()) {
            throw bad("hotline.sip.transports", "name at least one of udp, tcp");
        }
        String publicAddress = sip.publicAddress().map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> defaultPublicAddress(bind));
        if (publicAddress.contains(" ") || publicAddress.contains("<") || publicAddress.contains("/")) {
            throw bad("hotline.sip.public-address", "'" + publicAddress + "' is not a host name or address");
        }
        List<Cidr> allow = new ArrayList<>();
        for (String c : trunks.allow()) {
            try {
                allow.add(Cidr.parse(c));
            } catch (IllegalArgumentException e) {
                throw bad("hotline.trunks.allow", e.getMessage());
            }
        }
        if (calls.maxConcurrent() < 1) {
            throw bad("hotline.calls.max-concurrent", "must be at least 1, was " + calls.maxConcurrent());
        }
        positive("hotline.calls.max-duration", calls.maxDuration());
        positive("hotline.calls.ack-timeout", calls.ackTimeout());
        positive("hotline.calls.retry-after", calls.retryAfter());
        long retryAfter = Math.max(1, calls.retryAfter().toSeconds());
        SipConfig.Stack stack = sip.stack();
        atLeast("hotline.sip.stack.thread-pool-size", stack.threadPoolSize(), 1);
        atLeast("hotline.sip.stack.max-server-transactions", stack.maxServerTransactions(), calls.maxConcurrent());
        atLeast("hotline.sip.stack.receive-udp-buffer-size", stack.receiveUdpBufferSize(), 65536);
        atLeast("hotline.sip.stack.send-udp-buffer-size", stack.sendUdpBufferSize(), 65536);
        atLeast("hotline.sip.stack.max-message-size", stack.maxMessageSize(), 4096);
        atLeast("hotline.sip.stack.udp-queue-limit", stack.udpQueueLimit(), 1);
        return new EndpointSettings(host, sip.port(), Collections.unmodifiableSet(transports), publicAddress,
                List.copyOf(allow), calls.maxConcurrent(), calls.maxDuration(), calls.ackTimeout(),
                (int) Math.min(retryAfter, Integer.MAX_VALUE), stack);
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw bad(key, "must be a positive duration, was " + d);
        }
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw bad(key, "must be at least " + min + ", was " + value);
        }
    }

    private static IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("Invalid configuration " + key + ": " + why);
    }

    /** The bind address, or for the wildcard this host's first non-loopback IPv4 address. */
    private static String defaultPublicAddress(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return bind.getHostAddress();
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: better a working local setup than a failed start
        }
        return "127.0.0.1";
    }
}
