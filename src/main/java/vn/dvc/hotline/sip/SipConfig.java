package vn.dvc.hotline.sip;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where and how the service listens for SIP. Values are checked at startup by {@link EndpointSettings};
 * a bad value stops the service with a message naming the key.
 */
@ConfigMapping(prefix = "hotline.sip")
public interface SipConfig {

    /**
     * Address to bind the SIP listening points to. Default {@code 0.0.0.0}: the service runs in a
     * container whose address is not known in advance and the trunk must reach it; the trunk
     * allow-list ({@code hotline.trunks.allow}), not the bind address, decides who may call. Set
     * {@code 127.0.0.1} on a developer machine.
     */
    @WithDefault("0.0.0.0")
    String host();

    /** UDP and TCP port to listen on, 1..65535. */
    @WithDefault("5060")
    int port();

    /** Transports to listen on: any of {@code udp}, {@code tcp}, comma separated. */
    @WithDefault("udp,tcp")
    List<String> transports();

    /**
     * Address written into Contact headers and SDP ({@code c=}, {@code o=}): what the trunk must send
     * SIP and RTP to. Default: the bind address, or when that is the wildcard, this host's first
     * non-loopback address. Set it behind NAT or a load balancer.
     */
    Optional<String> publicAddress();

    /** JAIN-SIP stack tuning for thousands of concurrent calls. */
    Stack stack();

    /** JAIN-SIP stack tuning; the defaults are sized for ~6,000 calls and ≥200 setups/s. */
    interface Stack {

        /**
         * Threads that parse and dispatch incoming messages ({@code gov.nist.javax.sip.THREAD_POOL_SIZE}).
         * The listener only hops to the call's event loop, so a few threads suffice.
         */
        @WithDefault("8")
        int threadPoolSize();

        /**
         * Server transactions allowed before the stack itself starts refusing new ones
         * ({@code gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS}); above the call limit, since every call
         * also has short-lived BYE/INFO/OPTIONS transactions.
         */
        @WithDefault("30000")
        int maxServerTransactions();

        /** UDP receive buffer in bytes ({@code gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE}): absorbs bursts. */
        @WithDefault("4194304")
        int receiveUdpBufferSize();

        /** UDP send buffer in bytes ({@code gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE}). */
        @WithDefault("1048576")
        int sendUdpBufferSize();

        /**
         * Use the RI's NIO TCP implementation (one selector thread) instead of its blocking one (a reader
         * thread per connection). Default false: in JAIN-SIP RI 1.3.0-91 the NIO implementation can lose
         * the first message written on a connection it opens itself — the selector thread finds the new
         * socket before its channel is registered and drops the queued bytes — so our BYE to a trunk's
         * Contact over TCP went missing now and then. Trunks hold few TCP connections, so a thread per
         * connection costs little. Set true only with a stack release that fixes this.
         */
        @WithDefault("false")
        boolean nioTcp();

        /** Largest SIP message accepted, in bytes ({@code gov.nist.javax.sip.MAX_MESSAGE_SIZE}). */
        @WithDefault("65536")
        int maxMessageSize();

        /**
         * SIP datagrams read but not yet parsed, at most. Beyond it the UDP reader drops what arrives (a UDP peer
         * retransmits) and logs it, so that a flood cannot fill the heap with a queue the parsing threads never
         * catch up with. A call brings three or four datagrams and each parses in tens of microseconds: the
         * default is seconds of backlog at any real setup rate.
         */
        @WithDefault("10000")
        int udpQueueLimit();
    }
}
