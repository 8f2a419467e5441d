package vn.dvc.hotline.portal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** JSON forms of the reference data: fields, agencies, holidays. */
final class ReferenceBodies {

    private static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    private static final String CODE_MESSAGE = "must be letters, digits, '.', '-' or '_'";

    private ReferenceBodies() {
    }

    @Schema(name = "Field", description = "A field of administration (lĩnh vực)")
    record FieldBody(
            @Schema(example = "HO_TICH") @NotBlank @Size(max = 40) @Pattern(regexp = CODE_PATTERN,
                    message = CODE_MESSAGE) String code,
            @Schema(example = "Hộ tịch") @NotBlank @Size(max = 200) String name) {
    }

    @Schema(name = "Agency", description = "An agency that receives dossiers")
    record AgencyBody(
            @Schema(example = "UBND_PHUONG") @NotBlank @Size(max = 40) @Pattern(regexp = CODE_PATTERN,
                    message = CODE_MESSAGE) String code,
            @Schema(example = "Ủy ban nhân dân phường Trấn Biên") @NotBlank @Size(max = 300) String name,
            @Size(max = 500) String address,
            @Size(max = 50) String phone,
            @Size(max = 200) String email,
            @Schema(example = "Sáng 7 giờ 00 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ 00, thứ Hai đến thứ Sáu")
            @Size(max = 1000) String workingHours,
            @Size(max = 50) List<@Valid OpeningHoursBody> openingHours) {
    }

    @Schema(name = "OpeningHours", description = "One opening period on some weekdays")
    record OpeningHoursBody(
            @Schema(example = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]") @NotEmpty
            List<@NotNull DayOfWeek> days,
            @Schema(example = "07:30") @NotNull LocalTime open,
            @Schema(example = "11:30") @NotNull LocalTime close) {
    }

    @Schema(name = "Holiday", description = "A day on which offices are closed")
    record HolidayBody(
            @Schema(example = "2026-09-02") @NotNull LocalDate date,
            @Schema(example = "Quốc khánh") @NotBlank @Size(max = 200) String name) {
    }
}
