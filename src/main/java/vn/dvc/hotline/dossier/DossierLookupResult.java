package vn.dvc.hotline.dossier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The outcome of a lookup with a second factor. Unknown code and wrong verifier are deliberately one outcome. */
public sealed interface DossierLookupResult {

    /** What a citizen may learn of their dossier: never the full name, never the phone. */
    record Found(String code, String keypadCode, DossierStatus status, String procedureCode, String procedureName,
            OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime completedAt, LocalDate dueDate,
            Integer workingDaysLeft, Integer workingDaysOverdue, String currentStep, String applicantNameMasked)
            implements DossierLookupResult {
    }

    record NotFound() implements DossierLookupResult {
    }

    record Throttled(Duration retryAfter) implements DossierLookupResult {
    }
}
