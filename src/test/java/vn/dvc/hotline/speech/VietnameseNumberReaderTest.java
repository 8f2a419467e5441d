package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseNumberReaderTest {

    private static final VietnameseNumberReader NORTH = new VietnameseNumberReader(Region.NORTH);
    private static final VietnameseNumberReader CENTRAL = new VietnameseNumberReader(Region.CENTRAL);
    private static final VietnameseNumberReader SOUTH = new VietnameseNumberReader(Region.SOUTH);

    /** Central speech shares the southern number words (see {@link Region}). */
    @ParameterizedTest(name = "{0} → {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | không                                       | không
            1             | một                                         | một
            5             | năm                                         | năm
            10            | mười                                        | mười
            11            | mười một                                    | mười một
            14            | mười bốn                                    | mười bốn
            15            | mười lăm                                    | mười lăm
            19            | mười chín                                   | mười chín
            20            | hai mươi                                    | hai mươi
            21            | hai mươi mốt                                | hai mươi mốt
            24            | hai mươi tư                                 | hai mươi tư
            25            | hai mươi lăm                                | hai mươi lăm
            30            | ba mươi                                     | ba mươi
            31            | ba mươi mốt                                 | ba mươi mốt
            44            | bốn mươi tư                                 | bốn mươi tư
            55            | năm mươi lăm                                | năm mươi lăm
            99            | chín mươi chín                              | chín mươi chín
            100           | một trăm                                    | một trăm
            101           | một trăm linh một                           | một trăm lẻ một
            104           | một trăm linh bốn                           | một trăm lẻ bốn
            105           | một trăm linh năm                           | một trăm lẻ năm
            110           | một trăm mười                               | một trăm mười
            111           | một trăm mười một                           | một trăm mười một
            115           | một trăm mười lăm                           | một trăm mười lăm
            121           | một trăm hai mươi mốt                       | một trăm hai mươi mốt
            200           | hai trăm                                    | hai trăm
            999           | chín trăm chín mươi chín                    | chín trăm chín mươi chín
            1000          | một nghìn                                   | một ngàn
            1001          | một nghìn không trăm linh một               | một ngàn không trăm lẻ một
            1005          | một nghìn không trăm linh năm               | một ngàn không trăm lẻ năm
            1010          | một nghìn không trăm mười                   | một ngàn không trăm mười
            1015          | một nghìn không trăm mười lăm               | một ngàn không trăm mười lăm
            1100          | một nghìn một trăm                          | một ngàn một trăm
            1234          | một nghìn hai trăm ba mươi tư               | một ngàn hai trăm ba mươi tư
            2021          | hai nghìn không trăm hai mươi mốt           | hai ngàn không trăm hai mươi mốt
            2026          | hai nghìn không trăm hai mươi sáu           | hai ngàn không trăm hai mươi sáu
            10000         | mười nghìn                                  | mười ngàn
            15000         | mười lăm nghìn                              | mười lăm ngàn
            21000         | hai mươi mốt nghìn                          | hai mươi mốt ngàn
            100000        | một trăm nghìn                              | một trăm ngàn
            105000        | một trăm linh năm nghìn                     | một trăm lẻ năm ngàn
            1000000       | một triệu                                   | một triệu
            1000001       | một triệu không trăm linh một               | một triệu không trăm lẻ một
            1005000       | một triệu không trăm linh năm nghìn         | một triệu không trăm lẻ năm ngàn
            1200000       | một triệu hai trăm nghìn                    | một triệu hai trăm ngàn
            1500000       | một triệu năm trăm nghìn                    | một triệu năm trăm ngàn
            2000021       | hai triệu không trăm hai mươi mốt           | hai triệu không trăm hai mươi mốt
            1000000000    | một tỷ                                      | một tỷ
            1000000005    | một tỷ không trăm linh năm                  | một tỷ không trăm lẻ năm
            2500000000    | hai tỷ năm trăm triệu                       | hai tỷ năm trăm triệu
            999000000000  | chín trăm chín mươi chín tỷ                 | chín trăm chín mươi chín tỷ
            1000000000000 | một nghìn tỷ                                | một ngàn tỷ
            1500000000000 | một nghìn năm trăm tỷ                       | một ngàn năm trăm tỷ
            -5            | âm năm                                      | âm năm
            -2021         | âm hai nghìn không trăm hai mươi mốt        | âm hai ngàn không trăm hai mươi mốt
            """)
    void cardinalsFollowTheSpokenRules(long n, String north, String south) {
        assertEquals(north, NORTH.cardinal(n), "north");
        assertEquals(south, CENTRAL.cardinal(n), "central");
        assertEquals(south, SOUTH.cardinal(n), "south");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            9223372036854775807  | chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai ngàn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm ngàn tám trăm lẻ bảy
            -9223372036854775808 | âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai ngàn không trăm ba mươi sáu tỷ tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm ngàn tám trăm lẻ tám
            """)
    void extremesOfLongAreRead(long n, String south) {
        assertEquals(south, SOUTH.cardinal(n));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            05       | năm
            0        | không
            000      | không
            010      | mười
            0021     | hai mươi mốt
            2026     | hai ngàn không trăm hai mươi sáu
            """)
    void cardinalDigitStringsDropLeadingZeros(String digits, String south) {
        assertEquals(south, SOUTH.cardinal(digits));
    }

    @ParameterizedTest(name = "{0},{1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2  | 5     | hai phẩy năm
            0  | 25    | không phẩy hai mươi lăm
            0  | 5     | không phẩy năm
            2  | 05    | hai phẩy không năm
            10 | 01    | mười phẩy không một
            3  | 14    | ba phẩy mười bốn
            1  | 24    | một phẩy hai mươi tư
            12 | 75    | mười hai phẩy bảy mươi lăm
            1  | 125   | một phẩy một trăm hai mươi lăm
            3  | 14159 | ba phẩy một bốn một năm chín
            """)
    void decimalsUsePhay(String integer, String fraction, String south) {
        assertEquals(south, SOUTH.decimal(integer, fraction));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0123456789 | không một hai ba bốn năm sáu bảy tám chín
            1900       | một chín không không
            5          | năm
            0004       | không không không bốn
            """)
    void digitByDigitNeverUsesSpokenVariants(String digits, String expected) {
        assertEquals(expected, VietnameseNumberReader.digitByDigit(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "1.000", " 1", "-1"})
    void digitStringsRejectNonDigits(String digits) {
        assertThrows(IllegalArgumentException.class, () -> SOUTH.cardinal(digits));
        assertThrows(IllegalArgumentException.class, () -> VietnameseNumberReader.digitByDigit(digits));
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void tooLongForACardinalIsRefusedWithAHint(Region region) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VietnameseNumberReader(region).cardinal("1234567890123456789"));
        assertEquals(true, e.getMessage().contains("digit by digit"), e.getMessage());
    }
}
