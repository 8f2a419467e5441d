package vn.dvc.hotline.media;

import java.util.concurrent.atomic.LongAdder;

/**
 * Why an RTP packet was dropped, with how many were since start, summed over every socket and loop (for
 * {@code /q/metrics}). A count is touched only when a packet is dropped, never per packet that goes through, so good
 * traffic pays nothing; a flood of bad packets pays one uncontended add each. Any thread reads.
 */
public enum RtpDrop {

    /** A datagram the kernel refused to send (a full send buffer, an unreachable address): dropped, not queued. */
    SEND_REFUSED("send_refused"),
    /** Received from an address (or SSRC) no call signalled: the strict-source rule. */
    UNKNOWN_SOURCE("unknown_source"),
    /** From a call's address, but before the call started (ACK) or after it ended. */
    OUTSIDE_CALL("outside_call"),
    /** From a call's address, but not RTP the call can read. */
    MALFORMED("malformed"),
    /** A read the socket reported as failed, or a packet whose handling threw. */
    RECEIVE_FAILED("receive_failed");

    private final String label;
    private final LongAdder count = new LongAdder();

    RtpDrop(String label) {
        this.label = label;
    }

    /** The metric's {@code reason} label. */
    public String label() {
        return label;
    }

    /** Whether this is a received packet (else a sent one). */
    public boolean inbound() {
        return this != SEND_REFUSED;
    }

    /** Dropped since start. */
    public long count() {
        return count.sum();
    }

    void add(long packets) {
        count.add(packets);
    }

    void addOne() {
        count.increment();
    }
}
