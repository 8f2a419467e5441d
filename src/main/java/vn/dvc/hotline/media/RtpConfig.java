package vn.dvc.hotline.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the RTP sockets of calls are bound and how long a silent caller is kept. Checked at startup by
 * {@link RtpConfigCheck} (through {@link RtpPortPool}); a bad value stops the service with a message
 * naming the key.
 *
 * <p>Thread model: an immutable view of the configuration; safe on any thread.
 */
@ConfigMapping(prefix = "hotline.rtp")
public interface RtpConfig {

    /** The wildcard address RTP sockets bind to when {@link #bindAddress()} is not set. */
    String ANY_ADDRESS = "0.0.0.0";

    /**
     * Lowest RTP port, even (RFC 3550 §11: RTP on an even port, RTCP on the next odd one), at least 1024.
     * Each call takes one even port of {@code port-min..port-max}; the odd port above it stays free for
     * RTCP, so the range holds (port-max - port-min + 1) / 2 calls.
     */
    @WithDefault("20000")
    int portMin();

    /** Highest RTP port, above {@code port-min}, at most 65535; the default range holds 5,000 calls. */
    @WithDefault("29999")
    int portMax();

    /**
     * IP address RTP sockets bind to. Default (unset): {@value #ANY_ADDRESS}, every interface, because the
     * trunk sends media to the SDP {@code c=} address ({@code hotline.sip.public-address}), which behind NAT
     * or in a container is not an address of this host; the strict source rule, not the bind address,
     * decides whose packets are accepted. Deliberately not tied to {@code hotline.sip.host}: signalling
     * and media may use different interfaces. An IPv6 literal binds an IPv6 socket.
     */
    Optional<String> bindAddress();

    /**
     * With no valid RTP packet from the caller for this long (counted from the start of media; paused
     * while the call is on hold), the call is considered dead and is hung up with BYE.
     */
    @WithDefault("30s")
    Duration inactivityTimeout();
}
