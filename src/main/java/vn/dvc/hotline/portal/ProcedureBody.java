package vn.dvc.hotline.portal;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.dvc.hotline.catalog.OnTheSpot;

/** A procedure as the API returns it and as staff write it. Required on create: code, name, fieldCode. */
@Schema(name = "Procedure", description = "An administrative procedure (thủ tục hành chính)")
public record ProcedureBody(
        @Schema(example = "1.001193", description = "national procedure code (mã TTHC)")
        @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "must be letters, digits, '.', '-' or '_' (e.g. 1.001193)") String code,
        @Schema(example = "Đăng ký khai sinh") @NotBlank @Size(max = 500) String name,
        @Schema(example = "HO_TICH") @NotBlank @Size(max = 40) String fieldCode,
        @Schema(example = "UBND_PHUONG") @Size(max = 40) String agencyCode,
        @Schema(example = "Toàn trình") @Size(max = 100) String level,
        @Schema(example = "FOUR", description = "NONE, FOUR (4 tại chỗ) or FIVE (5 tại chỗ); NONE when absent")
        OnTheSpot onTheSpot,
        @Schema(example = "Ngay trong ngày tiếp nhận hồ sơ") @Size(max = 2000) String processingTime,
        @Schema(example = "1") @PositiveOrZero @Max(3650) Integer processingDays,
        @Schema(example = "Miễn lệ phí đối với đăng ký khai sinh đúng hạn") @Size(max = 4000) String fees,
        @Size(max = 100) List<@Valid DocumentBody> documents,
        @Schema(example = "[\"Bước 1: Nộp hồ sơ\", \"Bước 2: Nhận kết quả\"]") @Size(max = 100)
        List<@NotBlank @Size(max = 2000) String> steps,
        @Schema(example = "Bộ phận Một cửa UBND phường") @Size(max = 2000) String whereToSubmit,
        @Schema(example = "Luật Hộ tịch số 60/2014/QH13") @Size(max = 4000) String legalBasis,
        @Schema(example = "Đăng ký khai sinh. Hồ sơ gồm tờ khai và giấy chứng sinh.") @Size(max = 4000)
        String spokenSummary,
        @Schema(example = "101", description = "the number a caller keys; assigned when absent")
        @Pattern(regexp = "^[0-9]{1,6}$", message = "must be 1 to 6 digits") String keypadNumber) {

    /** One required document. */
    @Schema(name = "ProcedureDocument")
    public record DocumentBody(
            @Schema(example = "Tờ khai đăng ký khai sinh") @NotBlank @Size(max = 1000) String name,
            @Schema(example = "1") @PositiveOrZero @Max(100) Integer copies,
            @Schema(example = "Mẫu ban hành kèm Thông tư 04/2024/TT-BTP") @Size(max = 1000) String form) {
    }
}
