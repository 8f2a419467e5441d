package vn.dvc.hotline.catalog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.ops.DatabaseMigration;

/**
 * Working days for "còn N ngày làm việc": Monday to Friday, less the holidays in the {@code holiday} table.
 *
 * <p>Thread model: the holiday set is an immutable snapshot behind a volatile field, read lock-free from any thread;
 * it is reloaded after a holiday is written here and every few minutes (another pod may have written one).
 */
@ApplicationScoped
public class WorkingCalendar {

    private final Pool pool;
    private final Clock clock;
    private volatile Set<LocalDate> holidays = Set.of();

    WorkingCalendar(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(DatabaseMigration.PRIORITY + 10) StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "5m", delayed = "5m")
    Uni<Void> refresh() {
        return reload();
    }

    /** Reloads the holidays from the database. */
    public Uni<Void> reload() {
        return pool.query("SELECT day FROM holiday").execute().map(rows -> {
            Set<LocalDate> days = new HashSet<>();
            for (Row row : rows) {
                days.add(row.getLocalDate(0));
            }
            holidays = Set.copyOf(days);
            return null;
        });
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} is before
     * {@code from} (then it counts the working days after {@code to} up to and including {@code from}).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The day {@code workingDays} working days after {@code start} (a due date from a processing time). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
