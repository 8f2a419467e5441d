package vn.dvc.hotline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.dvc.hotline.ivr.AgencyDirectory.OpenState;

/** Whether an agency is open at a moment, from its opening hours; a public holiday closes the whole day. */
class OpenNowTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** The seeded provincial centre: 07:00–11:30 and 13:00–17:00 on weekdays, 07:30–11:30 on Saturday. */
    private static final List<OpeningHours> CENTRE = List.of(
            new OpeningHours(WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new OpeningHours(WEEKDAYS, LocalTime.of(13, 0), LocalTime.of(17, 0)),
            new OpeningHours(List.of(DayOfWeek.SATURDAY), LocalTime.of(7, 30), LocalTime.of(11, 30)));

    @ParameterizedTest(name = "{0} holiday={1} → {2}")
    @CsvSource({
        "2026-11-30T07:00, false, OPEN",    // Monday, opening minute
        "2026-11-30T06:59, false, CLOSED",
        "2026-11-30T11:29, false, OPEN",
        "2026-11-30T11:30, false, CLOSED",  // closing minute: closed
        "2026-11-30T12:15, false, CLOSED",  // lunch
        "2026-11-30T16:59, false, OPEN",
        "2026-11-30T17:00, false, CLOSED",
        "2026-11-28T08:00, false, OPEN",    // Saturday morning
        "2026-11-28T14:00, false, CLOSED",  // Saturday afternoon
        "2026-11-29T09:00, false, CLOSED",  // Sunday
        "2026-09-02T09:00, true,  HOLIDAY", // National Day, a Wednesday
        "2026-09-02T03:00, true,  HOLIDAY",
    })
    void openState(String localTime, boolean holiday, OpenState expected) {
        ZonedDateTime at = java.time.LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertEquals(expected, PhoneCatalog.openState(CENTRE, at, holiday));
    }
}
