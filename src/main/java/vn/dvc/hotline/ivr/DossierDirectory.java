package vn.dvc.hotline.ivr;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/**
 * Dossier status by phone, as {@link DossierStatusService} needs it: the same second factor and the same throttling
 * as the REST lookup, counted per caller number and per dossier code.
 *
 * <p>Thread model: implementations do their I/O elsewhere and never block the caller's thread; stages may complete on
 * any thread.
 */
public interface DossierDirectory {

    /** What a lookup by phone may answer. */
    sealed interface Answer {
    }

    /**
     * The dossier, as a caller may hear it: never the applicant's name.
     *
     * @param code               the code as issued (for the call record)
     * @param status             one of {@code RECEIVED, PROCESSING, NEEDS_SUPPLEMENT, COMPLETED, REJECTED, RETURNED,
     *                           CANCELLED}
     * @param statusPromptKey    a sentence saying the status
     * @param currentStepPromptKey the current step's prompt, ready to play, or null
     * @param dueDate            the due date, or null
     * @param workingDaysLeft    working days until the due date, or null (no due date, or the work is over)
     * @param workingDaysOverdue working days past the due date, or null
     * @param needsSupplement    whether the applicant must bring more documents
     * @param procedureCode      the procedure the dossier is for
     */
    record Found(String code, String status, String statusPromptKey, String currentStepPromptKey, LocalDate dueDate,
            Integer workingDaysLeft, Integer workingDaysOverdue, boolean needsSupplement, String procedureCode)
            implements Answer {
    }

    /** Unknown code or wrong verifier: deliberately one answer. */
    record NotFound() implements Answer {
    }

    /** Too many failures from this caller or for this code. */
    record Throttled() implements Answer {
    }

    /** The caller's number is not the applicant's (or is withheld): ask for the verifier. Counts no failure. */
    record VerifierRequired() implements Answer {
    }

    /**
     * Looks a dossier up for a caller.
     *
     * @param keypadCode   the digits the caller keyed
     * @param verifier     the last four digits of the applicant's phone as keyed, or null to try the caller's own
     *                     number as the proof
     * @param callerNumber the caller's number, or null if withheld
     * @return {@link VerifierRequired} only when {@code verifier} is null
     */
    CompletionStage<Answer> lookup(String keypadCode, String verifier, String callerNumber);
}
