package vn.dvc.hotline.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** One opening period repeated on some weekdays, e.g. MONDAY–FRIDAY 07:30–11:30. */
public record OpeningHours(List<DayOfWeek> days, LocalTime open, LocalTime close) {
}
