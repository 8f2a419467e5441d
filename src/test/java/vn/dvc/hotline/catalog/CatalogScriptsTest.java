package vn.dvc.hotline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.dvc.hotline.speech.Region;
import vn.dvc.hotline.speech.VietnameseTextNormalizer;

/** The catalogue's spoken texts, checked as whole sentences a caller hears. */
class CatalogScriptsTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static Procedure procedure() {
        Procedure p = new Procedure();
        p.code = "1.000001";
        p.name = "Đăng ký thử nghiệm";
        p.agencyCode = "UB";
        p.onTheSpot = OnTheSpot.NONE;
        p.documents = new ArrayList<>(List.of(
                new ProcedureDocument("Tờ khai theo mẫu", 1, "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP"),
                new ProcedureDocument("Giấy tờ tùy thân của người yêu cầu: căn cước công dân hoặc hộ chiếu", 2, null),
                new ProcedureDocument("Giấy chứng sinh do cơ sở y tế cấp; nếu không có thì văn bản xác nhận", 1, null),
                new ProcedureDocument("Văn bản ủy quyền (nếu có)", 1, "Mẫu số 01")));
        p.fees = "Lệ phí 8.000 đồng/bản; miễn cho hộ nghèo.";
        p.processingTime = "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không tính thời gian xác minh; trường hợp"
                + " khác 05 ngày)";
        p.whereToSubmit = "Ủy ban nhân dân xã, phường nơi cư trú; hoặc nộp trực tuyến.";
        return p;
    }

    private static Agency agency() {
        Agency a = new Agency();
        a.code = "UB";
        a.name = "Ủy ban nhân dân phường Thử";
        a.address = "Số 1 đường Thử, phường Thử";
        a.phone = "0251 3822 215";
        a.openingHours = List.of(new OpeningHours(WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(11, 30)),
                new OpeningHours(WEEKDAYS, LocalTime.of(13, 30), LocalTime.of(17, 0)),
                new OpeningHours(List.of(DayOfWeek.SATURDAY), LocalTime.of(7, 30), LocalTime.of(11, 30)));
        return a;
    }

    @Test
    void theEditorsSummaryIsUsedAsWritten() {
        Procedure p = procedure();
        p.spokenSummary = "  Đăng ký thử nghiệm.   Miễn lệ phí. ";
        assertEquals("Đăng ký thử nghiệm. Miễn lệ phí.", CatalogScripts.summary(p, agency()));
    }

    @Test
    void withoutOneTheSummaryIsGeneratedFromTheData() {
        assertEquals("Đăng ký thử nghiệm. Hồ sơ gồm 4 loại giấy tờ, chủ yếu là: tờ khai theo mẫu, giấy tờ tùy thân"
                + " của người yêu cầu và giấy chứng sinh do cơ sở y tế cấp. Lệ phí 8.000 đồng/bản. Thời gian giải quyết:"
                + " 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Nơi nộp hồ sơ: Ủy ban nhân dân xã, phường nơi"
                + " cư trú.", CatalogScripts.summary(procedure(), agency()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FOUR | Thủ tục này thực hiện theo cơ chế 4 tại chỗ: tiếp nhận, thẩm định, phê duyệt và trả kết quả ngay tại nơi nộp hồ sơ.
            FIVE | Thủ tục này thực hiện theo cơ chế 5 tại chỗ: tiếp nhận, thẩm định, phê duyệt, đóng dấu và trả kết quả ngay tại nơi nộp hồ sơ.
            """)
    void theSummarySaysTheOnTheSpotMode(OnTheSpot mode, String sentence) {
        Procedure p = procedure();
        p.onTheSpot = mode;
        String summary = CatalogScripts.summary(p, agency());
        assertTrue(summary.startsWith("Đăng ký thử nghiệm. " + sentence), summary);
    }

    @Test
    void aSparseProcedureStillGetsATrueSummary() {
        Procedure p = new Procedure();
        p.code = "T.1";
        p.name = "Thủ tục thử";
        p.processingDays = 0;
        assertEquals("Thủ tục thử. Thời gian giải quyết: ngay trong ngày.", CatalogScripts.summary(p, null));
        p.processingDays = 5;
        p.fees = "15.000 đồng/hồ sơ";
        assertEquals("Thủ tục thử. Lệ phí: 15.000 đồng/hồ sơ. Thời gian giải quyết: 5 ngày làm việc. Nơi nộp hồ sơ:"
                + " Ủy ban nhân dân phường Thử.", CatalogScripts.summary(p, agency()));
    }

    @Test
    void theDocumentsAreNumberedWithTheirFormsAndCopies() {
        assertEquals("Hồ sơ thủ tục Đăng ký thử nghiệm gồm 4 loại giấy tờ."
                + " Thứ nhất: tờ khai theo mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP."
                + " Thứ hai: giấy tờ tùy thân của người yêu cầu: căn cước công dân hoặc hộ chiếu, 2 bản."
                + " Thứ ba: giấy chứng sinh do cơ sở y tế cấp; nếu không có thì văn bản xác nhận."
                + " Thứ tư: văn bản ủy quyền (nếu có), mẫu số 01.", CatalogScripts.documents(procedure()));
        Procedure none = procedure();
        none.documents = List.of();
        assertEquals("Hệ thống chưa có danh sách giấy tờ của thủ tục Đăng ký thử nghiệm. Quý vị vui lòng xem chi tiết"
                + " trên Cổng dịch vụ công hoặc hỏi tại nơi nộp hồ sơ.", CatalogScripts.documents(none));
    }

    @Test
    void whereSaysThePlaceTheAgencyItsAddressHoursAndPhone() {
        assertEquals("Nơi nộp hồ sơ thủ tục Đăng ký thử nghiệm: Ủy ban nhân dân xã, phường nơi cư trú; hoặc nộp trực"
                + " tuyến. Cơ quan tiếp nhận: Ủy ban nhân dân phường Thử. Địa chỉ: Số 1 đường Thử, phường Thử."
                + " Giờ làm việc từ thứ Hai đến thứ Sáu: buổi sáng từ 7 giờ đến 11 giờ 30, buổi chiều từ 13 giờ 30"
                + " đến 17 giờ. Thứ Bảy: buổi sáng từ 7 giờ 30 đến 11 giờ 30. Nghỉ Chủ nhật và các ngày lễ, Tết."
                + " Số điện thoại: 0251 3822 215.", CatalogScripts.where(procedure(), agency()));
    }

    @Test
    void anAgencyIsItsNameAddressHoursAndPhone() {
        Agency a = agency();
        a.openingHours = List.of();
        a.workingHours = "Sáng 7 giờ 30 đến 11 giờ 30, thứ Hai đến thứ Sáu";
        a.phone = null;
        assertEquals("Ủy ban nhân dân phường Thử. Địa chỉ: Số 1 đường Thử, phường Thử. Giờ làm việc: sáng 7 giờ 30 đến"
                + " 11 giờ 30, thứ Hai đến thứ Sáu.", CatalogScripts.agency(a));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY | Từ thứ Hai đến Chủ nhật: buổi sáng từ 8 giờ đến 12 giờ. Nghỉ các ngày lễ, Tết.
            SATURDAY,SUNDAY                                        | Thứ Bảy và Chủ nhật: buổi sáng từ 8 giờ đến 12 giờ. Nghỉ từ thứ Hai đến thứ Sáu và các ngày lễ, Tết.
            MONDAY,WEDNESDAY,FRIDAY                                | Thứ Hai, thứ Tư và thứ Sáu: buổi sáng từ 8 giờ đến 12 giờ. Nghỉ thứ Ba, thứ Năm, thứ Bảy và Chủ nhật và các ngày lễ, Tết.
            TUESDAY                                                | Thứ Ba: buổi sáng từ 8 giờ đến 12 giờ. Nghỉ thứ Hai, thứ Tư, thứ Năm, thứ Sáu, thứ Bảy và Chủ nhật và các ngày lễ, Tết.
            """)
    void openingDaysAreGroupedAsPeopleSayThem(String days, String expected) {
        List<DayOfWeek> list = java.util.Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).toList();
        assertEquals(expected, CatalogScripts.openingHours(List.of(
                new OpeningHours(list, LocalTime.of(8, 0), LocalTime.of(12, 0)))));
    }

    @Test
    void eveningHoursAndNoHours() {
        assertEquals("Thứ Hai: buổi chiều từ 13 giờ đến 17 giờ, buổi tối từ 18 giờ đến 21 giờ. Nghỉ từ thứ Ba đến Chủ"
                + " nhật và các ngày lễ, Tết.", CatalogScripts.openingHours(List.of(
                        new OpeningHours(List.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(21, 0)),
                        new OpeningHours(List.of(DayOfWeek.MONDAY), LocalTime.of(13, 0), LocalTime.of(17, 0)))));
        assertNull(CatalogScripts.openingHours(List.of()));
        assertNull(CatalogScripts.openingHours(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Không quá 20 ngày làm việc (không tính thời gian niêm yết; các xã miền núi thêm 10 ngày) | Không quá 20 ngày làm việc
            Ngay trong ngày; trường hợp sau 15 giờ thì trả trong ngày làm việc tiếp theo | Ngay trong ngày
            Phí 8.000 đồng/bản. Miễn cho hộ nghèo. | Phí 8.000 đồng/bản
            Không thu lệ phí.                        | Không thu lệ phí
            """)
    void aFirstClauseNeverEndsInsideAParenthesis(String text, String expected) {
        assertEquals(expected, CatalogScripts.firstClause(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Giấy tờ tùy thân của người yêu cầu: căn cước công dân, hộ chiếu | Giấy tờ tùy thân của người yêu cầu
            Giấy báo tử (bản chính)                                          | Giấy báo tử
            Giấy khám sức khỏe do cơ sở y tế cấp, đối với giấy phép có thời hạn | Giấy khám sức khỏe do cơ sở y tế cấp
            Giấy tờ, tài liệu chứng minh thuộc trường hợp bị xóa đăng ký thường trú | Giấy tờ, tài liệu chứng minh thuộc trường hợp bị xóa đăng ký thường trú
            """)
    void documentNamesInTheSummaryLoseTheirExplanations(String name, String expected) {
        assertEquals(expected, CatalogScripts.shortName(name));
    }

    @Test
    void everyProcedureHasThreeScriptsAndEveryAgencyOne() {
        Procedure p = procedure();
        Map<String, String> all = CatalogScripts.all(List.of(p), Map.of("UB", agency()));
        assertEquals(List.of("procedure.1.000001", "procedure.1.000001.documents", "procedure.1.000001.where",
                "agency.UB"), List.copyOf(all.keySet()));
        assertTrue(CatalogScripts.isCatalogueKey("procedure.1.000001.where"));
        assertTrue(CatalogScripts.isCatalogueKey("agency.UB"));
        assertFalse(CatalogScripts.isCatalogueKey("root"));
        assertFalse(CatalogScripts.isCatalogueKey(null));
    }

    @Test
    void theSeedCatalogueSpeaksWithoutWrittenFormsLeftForEspeak() {
        VietnameseTextNormalizer normalizer = new VietnameseTextNormalizer();
        Map<String, String> scripts = CatalogSeeder.seedScripts();
        assertEquals(42 * 3 + 8, scripts.size());
        scripts.forEach((key, text) -> {
            String spoken = normalizer.normalize(text, Region.SOUTH);
            assertFalse(spoken.matches("(?s).*\\d.*"), key + " still has digits: " + spoken);
            assertFalse(spoken.contains("/"), key + " still has a slash: " + spoken);
            assertFalse(spoken.matches("(?s).*\\b[IVX]{2,}\\b.*"), key + " still has a Roman numeral: " + spoken);
            assertEquals(count(spoken, '('), count(spoken, ')'), key + " has unbalanced parentheses: " + spoken);
        });
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
