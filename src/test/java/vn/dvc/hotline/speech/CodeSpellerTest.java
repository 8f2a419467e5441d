package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeSpellerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            H29                       | hát hai chín
            000.00.01.H29-240115-0001 | không không không, không không, không một, hát hai chín, hai bốn không, một một năm, không không không một
            12345                     | một hai ba, bốn năm
            1234567                   | một hai ba, bốn năm sáu bảy
            123456789012              | một hai ba, bốn năm sáu, bảy tám chín, không một hai
            KQ-2024/15                | ca quy, hai không hai bốn, một năm
            ĐKKD.01                   | đê ca ca dê, không một
            LMNRSXY                   | e lờ em mờ en nờ e rờ ét xì ích xì i dài
            fjwz                      | ép gi vê kép dét
            ' - 12 - '                | một hai
            """)
    void codesAreSpelledInGroups(String code, String expected) {
        assertEquals(expected, CodeSpeller.spell(code));
    }
}
