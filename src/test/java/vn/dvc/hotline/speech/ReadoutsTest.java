package vn.dvc.hotline.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import vn.dvc.hotline.dossier.DossierStatus;

class ReadoutsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "0          | say.n.0",
        "7          | say.n.7",
        "15         | say.n.15",
        "99         | say.n.99",
        "100        | say.n.1 say.hundred",
        "105        | say.n.1 say.hundred say.zero-tens say.n.5",
        "110        | say.n.1 say.hundred say.n.10",
        "999        | say.n.9 say.hundred say.n.99",
        "1000       | say.n.1 say.thousand",
        "2026       | say.n.2 say.thousand say.n.0 say.hundred say.n.26",
        "2005       | say.n.2 say.thousand say.n.0 say.hundred say.zero-tens say.n.5",
        "15000      | say.n.15 say.thousand",
        "1000001    | say.n.1 say.million say.n.0 say.hundred say.zero-tens say.n.1",
        "1500000    | say.n.1 say.million say.n.5 say.hundred say.thousand",
        "3000000000 | say.n.3 say.billion",
    })
    void numbersAreFragmentKeys(long n, String keys) {
        assertEquals(List.of(keys.split(" ")), Readouts.number(n));
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void numbersSoundExactlyAsTheNumberReaderWritesThem(Region region) {
        VietnameseNumberReader reader = new VietnameseNumberReader(region);
        for (long n = 0; n <= 30_000; n++) {
            assertEquals(reader.cardinal(n), Readouts.text(Readouts.number(n), region), "n = " + n);
        }
        for (long n : new long[] {1_000_001L, 21_004_015L, 999_999_999L, 1_000_000_000L, 1_234_567_890_123L}) {
            assertEquals(reader.cardinal(n), Readouts.text(Readouts.number(n), region), "n = " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void datesSoundAsSpokenFormsWritesThem(Region region) {
        SpokenForms forms = new SpokenForms(region);
        for (LocalDate day = LocalDate.of(2025, 12, 1); day.isBefore(LocalDate.of(2027, 2, 1)); day = day.plusDays(1)) {
            assertEquals(forms.date(day), Readouts.text(Readouts.date(day), region), day.toString());
        }
    }

    @Test
    void dateKeys() {
        assertEquals(List.of("say.date", "say.day.8", "say.month.4", "say.year", "say.n.2", "say.thousand", "say.n.0",
                "say.hundred", "say.n.26"), Readouts.date(LocalDate.of(2026, 4, 8)));
        assertEquals("ngày mùng tám tháng tư năm hai ngàn không trăm hai mươi sáu",
                Readouts.text(Readouts.date(LocalDate.of(2026, 4, 8)), Region.SOUTH));
        assertEquals("ngày mồng tám tháng tư năm hai nghìn không trăm hai mươi sáu",
                Readouts.text(Readouts.date(LocalDate.of(2026, 4, 8)), Region.NORTH));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "5                    | say.digit.5",
        "1234                 | say.digit.1 say.digit.2 say.digit.3 say.digit.4",
        "12345                | say.digit.1 say.digit.2 say.digit.3 / say.digit.4 say.digit.5",
        "1234567              | say.digit.1 say.digit.2 say.digit.3 / say.digit.4 say.digit.5 say.digit.6 say.digit.7",
        "000001260901         | say.digit.0 say.digit.0 say.digit.0 / say.digit.0 say.digit.0 say.digit.1 / say.digit.2 say.digit.6 say.digit.0 / say.digit.9 say.digit.0 say.digit.1",
    })
    void codesAreReadInGroups(String code, String groups) {
        List<List<String>> expected = java.util.Arrays.stream(groups.split(" / "))
                .map(group -> List.of(group.trim().split(" "))).toList();
        assertEquals(expected, Readouts.digitGroups(code));
    }

    @Test
    void readBackPausesBetweenGroupsOnly() {
        assertEquals(List.of("say.digit.1", "say.digit.2", "say.digit.3", Readouts.PAUSE, "say.digit.4", "say.digit.5",
                "say.digit.6", Readouts.PAUSE, "say.digit.7", "say.digit.8", "say.digit.9", "say.digit.0"),
                Readouts.digitGroupsWithPauses("1234567890"));
        assertEquals(Readouts.digits("1234"), Readouts.digitGroupsWithPauses("1234"));
        assertEquals("một hai ba, bốn năm sáu, bảy tám chín không",
                Readouts.text(Readouts.digitGroupsWithPauses("1234567890"), Region.SOUTH));
    }

    @Test
    void deadlines() {
        assertEquals("Hồ sơ còn ba ngày làm việc nữa là đến hạn trả kết quả.",
                Readouts.text(Readouts.deadline(3, null), Region.SOUTH));
        assertEquals("Hôm nay là ngày hẹn trả kết quả của hồ sơ.", Readouts.text(Readouts.deadline(0, null), Region.SOUTH));
        assertEquals("Hồ sơ đã quá hạn giải quyết hai mươi mốt ngày làm việc",
                Readouts.text(Readouts.deadline(null, 21), Region.SOUTH));
        assertEquals(List.of(), Readouts.deadline(null, null));
    }

    @Test
    void everyStatusHasASentenceAndEveryKeyIsASayKey() {
        Map<String, String> texts = Readouts.fragments(Region.SOUTH);
        for (DossierStatus status : DossierStatus.values()) {
            assertFalse(texts.get(Readouts.statusKey(status)).isBlank());
        }
        assertTrue(texts.keySet().stream().allMatch(key -> key.startsWith(Readouts.PREFIX)));
        assertTrue(texts.values().stream().noneMatch(String::isBlank));
        assertEquals("ngàn", texts.get("say.thousand"));
        assertEquals("nghìn", Readouts.fragments(Region.NORTH).get("say.thousand"));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Readouts.number(-1));
        assertThrows(IllegalArgumentException.class, () -> Readouts.digits("12a"));
        assertThrows(IllegalArgumentException.class, () -> Readouts.digitGroups(""));
        assertThrows(IllegalArgumentException.class, () -> Readouts.text(List.of("say.nope"), Region.SOUTH));
    }
}
