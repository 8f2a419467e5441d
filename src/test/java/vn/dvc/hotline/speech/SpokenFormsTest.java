package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenFormsTest {

    private static final SpokenForms NORTH = new SpokenForms(Region.NORTH);
    private static final SpokenForms SOUTH = SpokenForms.forVoice("vi-vn-x-south");

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-04-08 | ngày mồng tám tháng tư năm hai nghìn không trăm hai mươi mốt  | ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi mốt
            2026-12-25 | ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu | ngày hai mươi lăm tháng mười hai năm hai ngàn không trăm hai mươi sáu
            2026-01-01 | ngày mồng một tháng một năm hai nghìn không trăm hai mươi sáu | ngày mùng một tháng một năm hai ngàn không trăm hai mươi sáu
            2024-10-10 | ngày mồng mười tháng mười năm hai nghìn không trăm hai mươi tư | ngày mùng mười tháng mười năm hai ngàn không trăm hai mươi tư
            2024-02-11 | ngày mười một tháng hai năm hai nghìn không trăm hai mươi tư | ngày mười một tháng hai năm hai ngàn không trăm hai mươi tư
            2025-11-21 | ngày hai mươi mốt tháng mười một năm hai nghìn không trăm hai mươi lăm | ngày hai mươi mốt tháng mười một năm hai ngàn không trăm hai mươi lăm
            2000-05-15 | ngày mười lăm tháng năm năm hai nghìn | ngày mười lăm tháng năm năm hai ngàn
            2105-07-31 | ngày ba mươi mốt tháng bảy năm hai nghìn một trăm linh năm | ngày ba mươi mốt tháng bảy năm hai ngàn một trăm lẻ năm
            """)
    void datesUseMungAndTheMonthNames(LocalDate date, String north, String south) {
        assertEquals(north, NORTH.date(date));
        assertEquals(south, SOUTH.date(date));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            07:30    | bảy giờ ba mươi phút
            14:00    | mười bốn giờ
            00:00    | không giờ
            11:45    | mười một giờ bốn mươi lăm phút
            17:05    | mười bảy giờ năm phút
            21:24:59 | hai mươi mốt giờ hai mươi tư phút
            """)
    void timesAreHoursAndMinutes(LocalTime time, String expected) {
        assertEquals(expected, SOUTH.time(time));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0  | không ngày làm việc
            1  | một ngày làm việc
            3  | ba ngày làm việc
            5  | năm ngày làm việc
            15 | mười lăm ngày làm việc
            21 | hai mươi mốt ngày làm việc
            """)
    void workingDaysAreACountWithoutAVerb(int days, String expected) {
        assertEquals(expected, SOUTH.workingDays(days));
        assertEquals("còn " + expected, "còn " + SOUTH.workingDays(days));
    }

    @ParameterizedTest(name = "{0} đồng")
    @CsvSource(delimiter = '|', textBlock = """
            15000   | mười lăm nghìn đồng         | mười lăm ngàn đồng
            100000  | một trăm nghìn đồng         | một trăm ngàn đồng
            1500000 | một triệu năm trăm nghìn đồng | một triệu năm trăm ngàn đồng
            0       | không đồng                  | không đồng
            """)
    void moneyIsInDong(long dong, String north, String south) {
        assertEquals(north, NORTH.money(dong));
        assertEquals(south, SOUTH.money(dong));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | thứ nhất
            2  | thứ hai
            3  | thứ ba
            4  | thứ tư
            10 | thứ mười
            14 | thứ mười bốn
            21 | thứ hai mươi mốt
            """)
    void ordinalsUseNhatAndTu(long n, String expected) {
        assertEquals(expected, SOUTH.ordinal(n));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1900 86 68 95             | một chín không không, tám sáu, sáu tám, chín năm
            0912.345.678              | không chín một hai, ba bốn năm, sáu bảy tám
            2401150001                | hai bốn không, một một năm, không không không một
            000.00.01.H29-240115-0001 | không không không, không không, không một, hát hai chín, hai bốn không, một một năm, không không không một
            1234                      | một hai ba bốn
            +84 912                   | cộng tám bốn, chín một hai
            """)
    void digitsAreReadOneByOneInGroups(String text, String expected) {
        assertEquals(expected, SOUTH.digits(text));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void ordinalsStartAtOne(long n) {
        assertThrows(IllegalArgumentException.class, () -> SOUTH.ordinal(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -30})
    void workingDaysAreNotNegative(int days) {
        assertThrows(IllegalArgumentException.class, () -> SOUTH.workingDays(days));
    }
}
