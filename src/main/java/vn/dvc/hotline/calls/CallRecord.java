package vn.dvc.hotline.calls;

import java.time.Instant;
import java.util.List;

/**
 * What the service keeps of one call. Immutable snapshot: the live call makes a new one at answer, at each step and
 * at its end.
 *
 * @param endReason  {@code CALLER_HANGUP}, {@code SERVICE_HANGUP}, {@code RTP_INACTIVITY}, {@code NO_VALID_INPUT},
 *                   {@code MAX_DURATION}, {@code ACK_TIMEOUT}, {@code CANCELLED}, {@code REJECTED}, {@code ERROR};
 *                   null while the call is up
 * @param procedures codes of the procedures the caller heard, in the order first heard
 * @param lookups    the caller's dossier lookups by phone, with their outcomes (never the verifier)
 * @param rating     the caller's rating, null if none was given
 */
public record CallRecord(String callId, String trunkAddress, String callerMasked, String calledNumber,
        Instant startedAt, Instant answeredAt, Instant endedAt, String endReason, Integer rejectStatus, String codec,
        String dtmfMode, List<MenuStep> menuPath, List<String> procedures, List<Lookup> lookups, Rating rating,
        long packetsSent, long packetsReceived) {

    /**
     * One dossier lookup by phone.
     *
     * @param dossier the dossier code as issued when found, else the digits the caller keyed
     * @param outcome {@code FOUND}, {@code NOT_FOUND} or {@code THROTTLED}
     */
    public record Lookup(String dossier, String outcome, Instant at) {
    }

    /**
     * The caller's rating of the service, with what the caller had heard last.
     *
     * @param score         1 to 5
     * @param procedureCode the last procedure heard, or null
     * @param dossierCode   the last dossier found, or null
     */
    public record Rating(int score, String procedureCode, String dossierCode, Instant at) {
    }
}
