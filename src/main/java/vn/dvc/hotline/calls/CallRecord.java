package vn.dvc.hotline.calls;

import java.time.Instant;
import java.util.List;

/**
 * What the service keeps of one call. Immutable snapshot: the live call makes a new one at answer and at its end.
 *
 * @param endReason {@code CALLER_HANGUP}, {@code SERVICE_HANGUP}, {@code RTP_INACTIVITY}, {@code MAX_DURATION},
 *                  {@code ACK_TIMEOUT}, {@code CANCELLED}, {@code REJECTED}, {@code ERROR}; null while the call is up
 */
public record CallRecord(String callId, String trunkAddress, String callerMasked, String calledNumber,
        Instant startedAt, Instant answeredAt, Instant endedAt, String endReason, Integer rejectStatus, String codec,
        String dtmfMode, List<MenuStep> menuPath, List<String> procedures, List<String> lookups, long packetsSent,
        long packetsReceived) {
}
