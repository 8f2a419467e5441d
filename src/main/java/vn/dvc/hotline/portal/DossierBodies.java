package vn.dvc.hotline.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.dvc.hotline.catalog.Violation;
import vn.dvc.hotline.dossier.DossierInput;
import vn.dvc.hotline.dossier.DossierStatus;

/** JSON forms of dossiers: the citizen's lookup, the staff view, the portal's batch. */
final class DossierBodies {

    private DossierBodies() {
    }

    @Schema(name = "DossierLookupRequest")
    record LookupRequest(
            @Schema(example = "000.00.01.H31-260915-0001", description = "the code as issued, or its keypad digits")
            @NotBlank @Size(max = 64) String code,
            @Schema(example = "5678", description = "last 4 digits of the applicant's phone") @NotBlank @Size(max = 8)
            String verifier) {
    }

    @Schema(name = "DossierLookup", description = "What a citizen may learn of a dossier")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LookupBody(String code, String keypadCode, DossierStatus status,
            @Schema(example = "Đang giải quyết") String statusText, String procedureCode, String procedureName,
            OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime completedAt,
            @Schema(description = "working days until the due date, while the dossier is open") Integer workingDaysLeft,
            @Schema(description = "working days past the due date, while the dossier is open") Integer workingDaysOverdue,
            String currentStep,
            @Schema(example = "N***** V** A*") String applicantName) {
    }

    @Schema(name = "Dossier", description = "A dossier as staff see it")
    record DossierView(String code, String keypadCode, String procedureCode, String applicantName,
            DossierStatus status, String statusText, String currentStep, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, LocalDate dueDate, OffsetDateTime completedAt, OffsetDateTime updatedAt,
            List<HistoryEntry> history) {
    }

    record HistoryEntry(DossierStatus status, String currentStep, OffsetDateTime changedAt) {
    }

    /** One item of a batch: the code and the same fields as a single upsert. */
    @Schema(name = "DossierBatchItem")
    record BatchItem(String code, String procedureCode, String applicantName, String applicantPhone,
            DossierStatus status, String currentStep, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            OffsetDateTime completedAt, String keypadCode) {

        DossierInput input() {
            return new DossierInput(procedureCode, applicantName, applicantPhone, status, currentStep, receivedAt,
                    dueAt, completedAt, keypadCode);
        }
    }

    @Schema(name = "DossierBatch")
    record BatchRequest(@Size(min = 1, max = 500) List<BatchItem> items) {
    }

    @Schema(name = "DossierBatchResult")
    record BatchResult(int created, int updated, int unchanged, int failed, List<ItemResult> items) {
    }

    /** outcome: CREATED, UPDATED, UNCHANGED, INVALID or CONFLICT. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, String code, String outcome, List<Violation> errors) {
    }
}
