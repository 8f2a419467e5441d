package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vi                 | NORTH
            vi-vn-x-central    | CENTRAL
            vi-vn-x-south      | SOUTH
            VI-VN-X-SOUTH      | SOUTH
            vi-vn-x-south+f3   | SOUTH
            ' vi+m2 '          | NORTH
            """)
    void espeakVoicesMapToRegions(String voice, Region expected) {
        assertEquals(expected, Region.forVoice(voice));
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void eachRegionNamesItsOwnVoice(Region region) {
        assertEquals(region, Region.forVoice(region.voice()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi-vn-x-north", "", "vietnamese"})
    @NullSource
    void unknownVoicesFailWithTheKnownOnes(String voice) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.forVoice(voice));
        assertTrue(e.getMessage().contains("vi-vn-x-south"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}, {4}")
    @CsvSource(delimiter = '|', textBlock = """
            NORTH   | nghìn | linh | tư | mồng
            CENTRAL | ngàn  | lẻ   | tư | mùng
            SOUTH   | ngàn  | lẻ   | tư | mùng
            """)
    void regionalChoicesAreTheDocumentedOnes(Region region, String thousand, String zeroTens, String four, String day) {
        assertEquals(thousand, region.thousand());
        assertEquals(zeroTens, region.zeroTens());
        assertEquals(four, region.fourAfterTens());
        assertEquals(day, region.earlyDayPrefix());
    }
}
