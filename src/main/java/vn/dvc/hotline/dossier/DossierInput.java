package vn.dvc.hotline.dossier;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A dossier as the portal sends it. The phone number is used to derive the verifier and is then forgotten.
 * {@code applicantPhone} may be left out when updating a dossier whose phone is already known.
 */
@Schema(description = "A dossier as the portal sends it")
public record DossierInput(
        @Schema(example = "1.001193") @NotBlank @Size(max = 32) String procedureCode,
        @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 200) String applicantName,
        @Schema(example = "0912 345 678", description = "the applicant's phone; only hashes of it are stored")
        @Size(max = 32) @Pattern(regexp = "^[0-9+ .()-]*$", message = "must be a phone number") String applicantPhone,
        @Schema(example = "PROCESSING") @NotNull DossierStatus status,
        @Schema(example = "Thẩm định hồ sơ") @Size(max = 500) String currentStep,
        @Schema(example = "2026-11-20T08:15:00+07:00") @NotNull OffsetDateTime receivedAt,
        @Schema(example = "2026-11-27T17:00:00+07:00") OffsetDateTime dueAt,
        OffsetDateTime completedAt,
        @Schema(description = "digits a caller keys; derived from the code when absent", example = "0000001292611200001")
        @Pattern(regexp = "^[0-9]{4,32}$", message = "must be 4 to 32 digits") String keypadCode) {
}
