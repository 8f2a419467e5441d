package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each row is written text and the exact words expected from the southern (default) voice. */
class VietnameseTextNormalizerTest {

    private static final VietnameseTextNormalizer NORMALIZER = new VietnameseTextNormalizer();

    private static String south(String text) {
        return NORMALIZER.normalize(text, Region.SOUTH);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            15.000                    | mười lăm ngàn
            1.500.000                 | một triệu năm trăm ngàn
            1.005.000                 | một triệu không trăm lẻ năm ngàn
            1.234,5                   | một ngàn hai trăm ba mươi tư phẩy năm
            1,500,000                 | một triệu năm trăm ngàn
            2,5                       | hai phẩy năm
            0,25                      | không phẩy hai mươi lăm
            năm 2026                  | năm hai ngàn không trăm hai mươi sáu
            105 hồ sơ                 | một trăm lẻ năm hồ sơ
            24 giờ                    | hai mươi tư giờ
            4 tại chỗ                 | bốn tại chỗ
            5 tại chỗ                 | năm tại chỗ
            4/5 tại chỗ               | bốn trên năm tại chỗ
            phục vụ 24/7              | phục vụ hai mươi tư trên bảy
            từ 7-10 ngày              | từ bảy đến mười ngày
            Điều 3.2                  | Điều ba chấm hai
            khoản 1 Điều 5            | khoản một Điều năm
            ảnh 3x4                   | ảnh ba nhân bốn
            ảnh 4 x 6 cm              | ảnh bốn nhân sáu xăng ti mét
            mã số 0001                | mã số không không không một
            """)
    void numbers(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            05 ngày làm việc          | năm ngày làm việc
            15 ngày làm việc          | mười lăm ngày làm việc
            trong 03 tháng            | trong ba tháng
            01 bản chính              | một bản chính
            02 bản sao                | hai bản sao
            010 ngày                  | mười ngày
            """)
    void durationsAndCountsDropLeadingZeros(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100%                      | một trăm phần trăm
            2,5%                      | hai phẩy năm phần trăm
            50 %                      | năm mươi phần trăm
            50 m2                     | năm mươi mét vuông
            50m²                      | năm mươi mét vuông
            3 km                      | ba ki lô mét
            12,5 ha                   | mười hai phẩy năm héc ta
            20 kg                     | hai mươi ki lô gam
            diện tích m2              | diện tích mét vuông
            """)
    void percentagesAndUnits(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            15.000 đồng               | mười lăm ngàn đồng
            15000đ                    | mười lăm ngàn đồng
            1.500.000đ                | một triệu năm trăm ngàn đồng
            1.500.000 VNĐ             | một triệu năm trăm ngàn đồng
            1.500.000 VND             | một triệu năm trăm ngàn đồng
            2.000 ₫                   | hai ngàn đồng
            200.000 đ/lần             | hai trăm ngàn đồng mỗi lần
            100.000 đồng/lần          | một trăm ngàn đồng mỗi lần
            50.000 đồng / hồ sơ       | năm mươi ngàn đồng mỗi hồ sơ
            1.005.000 đồng            | một triệu không trăm lẻ năm ngàn đồng
            1,5 triệu đồng            | một phẩy năm triệu đồng
            100k                      | một trăm ngàn
            Miễn phí (0 đồng).        | Miễn phí (không đồng).
            Đơn vị: VNĐ               | Đơn vị: Việt Nam đồng
            200.000 đồng/lần/người    | hai trăm ngàn đồng mỗi lần mỗi người
            8.000 đồng/bản sao trích lục/sự kiện hộ tịch đã đăng ký. | tám ngàn đồng mỗi bản sao trích lục mỗi sự kiện hộ tịch đã đăng ký.
            5.000 đồng/Phiếu; miễn phí | năm ngàn đồng mỗi Phiếu; miễn phí
            20.000 đồng/lần đăng ký nếu nộp trực tiếp; 10.000 đồng/lần | hai mươi ngàn đồng mỗi lần đăng ký nếu nộp trực tiếp; mười ngàn đồng mỗi lần
            150.000 đồng/chứng chỉ, phí sát hạch | một trăm năm mươi ngàn đồng mỗi chứng chỉ, phí sát hạch
            """)
    void money(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            25/12/2026                | ngày hai mươi lăm tháng mười hai năm hai ngàn không trăm hai mươi sáu
            ngày 08/04/2021           | ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            Ngày 1/1/2026             | Ngày mùng một tháng một năm hai ngàn không trăm hai mươi sáu
            8/4/2021                  | ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            08-04-2021                | ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            08.04.2021                | ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            kể từ ngày 10/10/2020     | kể từ ngày mùng mười tháng mười năm hai ngàn không trăm hai mươi
            ngày 11/11/2020           | ngày mười một tháng mười một năm hai ngàn không trăm hai mươi
            ngày 21/01/2024           | ngày hai mươi mốt tháng một năm hai ngàn không trăm hai mươi tư
            hạn 24/02/2024            | hạn ngày hai mươi tư tháng hai năm hai ngàn không trăm hai mươi tư
            mùng 8/4/2021             | mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            ngày 30/4                 | ngày ba mươi tháng tư
            mùng 2/9                  | mùng hai tháng chín
            tháng 04/2021             | tháng tư năm hai ngàn không trăm hai mươi mốt
            04/2021                   | tháng tư năm hai ngàn không trăm hai mươi mốt
            kỳ 12/2025                | kỳ tháng mười hai năm hai ngàn không trăm hai mươi lăm
            01/01/2021 - 10/01/2021   | ngày mùng một tháng một năm hai ngàn không trăm hai mươi mốt đến ngày mùng mười tháng một năm hai ngàn không trăm hai mươi mốt
            """)
    void dates(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            7h30                      | bảy giờ ba mươi phút
            7h                        | bảy giờ
            17h00                     | mười bảy giờ
            7h05                      | bảy giờ năm phút
            7g30                      | bảy giờ ba mươi phút
            11h45                     | mười một giờ bốn mươi lăm phút
            21h                       | hai mươi mốt giờ
            24h                       | hai mươi tư giờ
            14:00                     | mười bốn giờ
            14:30                     | mười bốn giờ ba mươi phút
            7 giờ 30                  | bảy giờ ba mươi
            7h30 - 11h30              | bảy giờ ba mươi phút đến mười một giờ ba mươi phút
            13:00-17:00               | mười ba giờ đến mười bảy giờ
            """)
    void times(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            thứ 2                     | thứ hai
            Thứ 4                     | Thứ tư
            thứ 7                     | thứ bảy
            lần thứ 1                 | lần thứ nhất
            người thứ 24              | người thứ hai mươi tư
            Thứ 2 - Thứ 6             | Thứ hai đến Thứ sáu
            thứ 2 đến thứ 6           | thứ hai đến thứ sáu
            Thứ 2 - CN                | Thứ hai đến Chủ nhật
            """)
    void ordinalsAndWeekdays(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0912345678                | không chín một hai, ba bốn năm, sáu bảy tám
            0912 345 678              | không chín một hai, ba bốn năm, sáu bảy tám
            0912.345.678              | không chín một hai, ba bốn năm, sáu bảy tám
            0912-345-678              | không chín một hai, ba bốn năm, sáu bảy tám
            0388 12 34 56             | không ba tám tám, một hai, ba bốn, năm sáu
            0251.3822.123             | không hai năm một, ba tám hai hai, một hai ba
            02838221234               | không hai tám, ba tám hai hai, một hai ba bốn
            02513822123               | không hai năm một, ba tám hai hai, một hai ba
            028 3822 1234             | không hai tám, ba tám hai hai, một hai ba bốn
            (028) 3822 1234           | không hai tám, ba tám hai hai, một hai ba bốn
            (0251) 3822123            | không hai năm một, ba tám hai hai, một hai ba
            +84 912 345 678           | cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám
            +84912345678              | cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám
            gọi 113                   | gọi một một ba
            """)
    void phoneNumbers(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1900 86 68 95             | một chín không không, tám sáu, sáu tám, chín năm
            1900866895                | một chín không không, tám sáu, sáu tám, chín năm
            1900868895                | một chín không không, tám sáu, tám tám, chín năm
            1900 868 895              | một chín không không, tám sáu tám, tám chín năm
            1900.8688                 | một chín không không, tám sáu tám tám
            19008688                  | một chín không không, tám sáu tám tám
            1800 1096                 | một tám không không, một không chín sáu
            18001096                  | một tám không không, một không chín sáu
            (1900 86 68 95)           | (một chín không không, tám sáu, sáu tám, chín năm)
            """)
    void hotlineNumbers(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.001193                  | một chấm không không một một chín ba
            2.000123                  | hai chấm không không không một hai ba
            mã TTHC 1.001193.         | mã thủ tục hành chính một chấm không không một một chín ba.
            000.00.01.H29-240115-0001 | không không không, không không, không một, hát hai chín, hai bốn không, một một năm, không không không một
            hồ sơ 000.00.01.H29-240115-0001. | hồ sơ không không không, không không, không một, hát hai chín, hai bốn không, một một năm, không không không một.
            000.00.01                 | không không không chấm không không chấm không một
            CCCD 001099012345         | căn cước công dân không không một, không chín chín, không một hai, ba bốn năm
            hạng B2                   | hạng bê hai
            khổ A4                    | khổ a bốn
            mẫu TK1-TS                | mẫu tê ca một, tê ét xì
            """)
    void proceduresDossiersAndOtherCodes(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UBND                      | Ủy ban nhân dân
            UBND xã                   | Ủy ban nhân dân xã
            HĐND tỉnh                 | Hội đồng nhân dân tỉnh
            TTHC                      | thủ tục hành chính
            CCCD                      | căn cước công dân
            CMND                      | chứng minh nhân dân
            GPLX                      | giấy phép lái xe
            GCN QSDĐ                  | giấy chứng nhận quyền sử dụng đất
            BHXH                      | bảo hiểm xã hội
            BHYT                      | bảo hiểm y tế
            CSGT                      | cảnh sát giao thông
            Công ty TNHH MTV          | Công ty trách nhiệm hữu hạn một thành viên
            TP. Hồ Chí Minh           | thành phố Hồ Chí Minh
            TP.HCM                    | thành phố Hồ Chí Minh
            TP Thủ Đức                | thành phố Thủ Đức
            Tp. Biên Hòa              | thành phố Biên Hòa
            TX. Dĩ An                 | thị xã Dĩ An
            Q.1                       | quận một
            Q. Bình Thạnh             | quận Bình Thạnh
            P. Bến Nghé, Q.1          | phường Bến Nghé, quận một
            P1, Q3                    | phường một, quận ba
            Sở TN&MT                  | Sở Tài nguyên và Môi trường
            Sở KH&ĐT                  | Sở Kế hoạch và Đầu tư
            Sở LĐ-TB&XH               | Sở Lao động, Thương binh và Xã hội
            giấy tờ, v.v.             | giấy tờ, vân vân.
            v.v. và                   | vân vân và
            hộ tịch & chứng thực      | hộ tịch và chứng thực
            dichvucong.gov.vn         | dichvucong chấm gốp chấm vê en
            xem tại dichvucong.gov.vn. | xem tại dichvucong chấm gốp chấm vê en.
            congan.com.vn             | congan chấm com chấm vê en
            cá nhân và/hoặc tổ chức   | cá nhân và hoặc tổ chức
            """)
    void abbreviations(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hạng II, hạng III         | hạng hai, hạng ba
            chứng chỉ hạng I          | chứng chỉ hạng một
            Hạng IV                   | Hạng bốn
            quý IV năm 2026           | quý bốn năm hai ngàn không trăm hai mươi sáu
            Chương IX                 | Chương chín
            khu vực II                | khu vực hai
            Phần XII                  | Phần mười hai
            nhóm V.                   | nhóm năm.
            cấp III                   | cấp ba
            loại VI                   | loại sáu
            Phụ lục II                | Phụ lục hai
            """)
    void romanNumeralsAfterTheWordsThatTakeThem(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0} stays")
    @ValueSource(strings = {"Vitamin C", "thẻ VIP", "hạng VIP", "loại XL", "IV truyền dịch"})
    void capitalsThatAreNotRomanNumeralsStay(String text) {
        assertEquals(text, south(text));
    }

    @ParameterizedTest(name = "{0} stays")
    @ValueSource(strings = {
        "Xin chào quý khách.",
        "Vui lòng bấm phím sao để nghe lại!",
        "tthc",
        "UBNDX",
        "TP có",
        "Q. có",
        "đ",
        "Hồ sơ đã được tiếp nhận; đang xử lý.",
        "Nguyễn Văn A",
    })
    void textWithoutAnythingToRewriteIsKept(String text) {
        assertEquals(text, south(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Nghị định 123/2015/NĐ-CP                      | Nghị định một trăm hai mươi ba năm hai ngàn không trăm mười lăm của Chính phủ
            Nghị định số 123/2015/NĐ-CP                   | Nghị định số một trăm hai mươi ba năm hai ngàn không trăm mười lăm của Chính phủ
            theo 123/2015/NĐ-CP                           | theo Nghị định số một trăm hai mươi ba năm hai ngàn không trăm mười lăm của Chính phủ
            Thông tư 01/2021/TT-BTP                       | Thông tư một năm hai ngàn không trăm hai mươi mốt của Bộ Tư pháp
            Quyết định số 2345/QĐ-UBND                    | Quyết định số hai ngàn ba trăm bốn mươi lăm của Ủy ban nhân dân
            Quyết định 100/QĐ-TTg                         | Quyết định một trăm của Thủ tướng Chính phủ
            Nghị quyết 15/2020/NQ-HĐND                    | Nghị quyết mười lăm năm hai ngàn không trăm hai mươi của Hội đồng nhân dân
            Thông tư liên tịch 01/2016/TTLT-BTP-BCA       | Thông tư liên tịch một năm hai ngàn không trăm mười sáu của Bộ Tư pháp và Bộ Công an
            Luật số 59/2020/QH14                          | Luật số năm mươi chín năm hai ngàn không trăm hai mươi của Quốc hội khóa mười bốn
            theo NĐ-CP                                    | theo Nghị định của Chính phủ
            Mẫu số 03/2024/LLTP      | Mẫu số ba năm hai ngàn không trăm hai mươi tư lý lịch tư pháp
            mẫu 05/2015/HT          | mẫu năm năm hai ngàn không trăm mười lăm hát tê
            theo mẫu số 15/ĐK.      | theo mẫu số mười lăm đê ca.
            Mẫu số 01/LLTP          | Mẫu số một lý lịch tư pháp
            """)
    void legalDocumentNumbers(String text, String expected) {
        assertEquals(expected, south(text));
    }

    static Stream<Arguments> regional() {
        return Stream.of(
                Arguments.of("15.000 đồng", "mười lăm nghìn đồng", "mười lăm ngàn đồng", "mười lăm ngàn đồng"),
                Arguments.of("105 ngày", "một trăm linh năm ngày", "một trăm lẻ năm ngày", "một trăm lẻ năm ngày"),
                Arguments.of("24 giờ", "hai mươi tư giờ", "hai mươi tư giờ", "hai mươi tư giờ"),
                Arguments.of("1.005.000đ", "một triệu không trăm linh năm nghìn đồng",
                        "một triệu không trăm lẻ năm ngàn đồng", "một triệu không trăm lẻ năm ngàn đồng"),
                Arguments.of("ngày 08/04/2021",
                        "ngày mồng tám tháng tư năm hai nghìn không trăm hai mươi mốt",
                        "ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt",
                        "ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt"),
                Arguments.of("2026", "hai nghìn không trăm hai mươi sáu", "hai ngàn không trăm hai mươi sáu",
                        "hai ngàn không trăm hai mươi sáu"),
                Arguments.of("mùng 5/5", "mùng năm tháng năm", "mùng năm tháng năm", "mùng năm tháng năm"),
                Arguments.of("1900 86 68 95", "một chín không không, tám sáu, sáu tám, chín năm",
                        "một chín không không, tám sáu, sáu tám, chín năm",
                        "một chín không không, tám sáu, sáu tám, chín năm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regional")
    void regionalConventions(String text, String north, String central, String south) {
        assertEquals(north, NORMALIZER.normalize(text, Region.NORTH), "north");
        assertEquals(central, NORMALIZER.normalize(text, Region.CENTRAL), "central");
        assertEquals(south, NORMALIZER.normalize(text, Region.SOUTH), "south");
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("Lệ phí: 100.000 đồng/lần; thời hạn giải quyết 05 ngày làm việc kể từ ngày 08/04/2021."
                                + " Liên hệ 1900 86 68 95.",
                        "Lệ phí: một trăm ngàn đồng mỗi lần; thời hạn giải quyết năm ngày làm việc kể từ ngày"
                                + " mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt. Liên hệ một chín không"
                                + " không, tám sáu, sáu tám, chín năm."),
                Arguments.of("Nộp hồ sơ tại Bộ phận một cửa UBND xã, từ Thứ 2 - Thứ 6 (sáng 7h30 - 11h30).",
                        "Nộp hồ sơ tại Bộ phận một cửa Ủy ban nhân dân xã, từ Thứ hai đến Thứ sáu (sáng bảy giờ"
                                + " ba mươi phút đến mười một giờ ba mươi phút)."),
                Arguments.of("Căn cứ Nghị định số 123/2015/NĐ-CP, thủ tục 1.001193 được thực hiện theo cơ chế 4 tại chỗ.",
                        "Căn cứ Nghị định số một trăm hai mươi ba năm hai ngàn không trăm mười lăm của Chính phủ,"
                                + " thủ tục một chấm không không một một chín ba được thực hiện theo cơ chế bốn tại chỗ."),
                Arguments.of("Hồ sơ 000.00.01.H29-240115-0001 hẹn trả ngày 25/01/2024, còn 03 ngày làm việc.",
                        "Hồ sơ không không không, không không, không một, hát hai chín, hai bốn không, một một năm,"
                                + " không không không một hẹn trả ngày hai mươi lăm tháng một năm hai ngàn không trăm"
                                + " hai mươi tư, còn ba ngày làm việc."),
                Arguments.of("Thành phần hồ sơ:\n- 01 Tờ khai\n- 02 ảnh 4x6\n+ Bản sao CCCD",
                        "Thành phần hồ sơ: một Tờ khai. hai ảnh bốn nhân sáu. Bản sao căn cước công dân."),
                Arguments.of("Lệ phí   cấp   GPLX:  135.000đ (nộp trực tuyến giảm 50%).",
                        "Lệ phí cấp giấy phép lái xe: một trăm ba mươi lăm ngàn đồng (nộp trực tuyến giảm năm"
                                + " mươi phần trăm)."),
                Arguments.of("Mọi thắc mắc xin gọi 0251.3822.123 hoặc +84 912 345 678 trong giờ hành chính.",
                        "Mọi thắc mắc xin gọi không hai năm một, ba tám hai hai, một hai ba hoặc cộng tám bốn, chín"
                                + " một hai, ba bốn năm, sáu bảy tám trong giờ hành chính."));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("sentences")
    void wholeSentencesFromProcedureTexts(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ngày 08/04/2021 tại Ủy ban", "Thủ tục đăng ký khai sinh", "Phường Bến Nghé"})
    void decomposedInputGivesComposedOutput(String composed) {
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        String expected = south(composed);
        assertEquals(expected, south(decomposed));
        assertEquals(true, Normalizer.isNormalized(south(decomposed), Normalizer.Form.NFC));
    }

    @Test
    void decomposedAbbreviationsAreStillRecognised() {
        assertEquals("Hội đồng nhân dân", south(Normalizer.normalize("HĐND", Normalizer.Form.NFD)));
        assertEquals("mười lăm ngàn đồng", south(Normalizer.normalize("15.000đ", Normalizer.Form.NFD)));
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            '  Xin   chào  '           | Xin chào
            'a\tb'                     | a b
            '1 , 2'                    | một, hai
            ''                         | ''
            """)
    void whitespaceIsCollapsed(String text, String expected) {
        assertEquals(expected, south(text));
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> NORMALIZER.normalize(null, Region.SOUTH));
        assertThrows(NullPointerException.class, () -> NORMALIZER.normalize("x", null));
    }
}
