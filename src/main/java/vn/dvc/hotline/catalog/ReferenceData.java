package vn.dvc.hotline.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Fields, agencies and holidays: the reference data procedures and dossiers point at. Holiday writes refresh the
 * working-day calendar. Every write fires {@link CatalogChanged} once committed.
 *
 * <p>Thread model: returns {@link Uni}s; subscribe on a Vert.x context.
 */
@ApplicationScoped
public class ReferenceData {

    private final FieldRepository fields;
    private final AgencyRepository agencies;
    private final HolidayRepository holidays;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Event<CatalogChanged> changes;

    ReferenceData(FieldRepository fields, AgencyRepository agencies, HolidayRepository holidays,
            WorkingCalendar calendar, Clock clock, Event<CatalogChanged> changes) {
        this.changes = changes;
        this.fields = fields;
        this.agencies = agencies;
        this.holidays = holidays;
        this.calendar = calendar;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Field>> fields() {
        return fields.list("order by name");
    }

    public Uni<Saved<Field>> putField(Field draft) {
        return storeField(draft).invoke(saved -> changed(CatalogChanged.Kind.FIELD, saved.entry().code));
    }

    @WithTransaction
    Uni<Saved<Field>> storeField(Field draft) {
        return fields.findById(draft.code).flatMap(existing -> {
            if (existing == null) {
                draft.updatedAt = OffsetDateTime.now(clock);
                return fields.persist(draft).map(f -> new Saved<>(f, true));
            }
            existing.name = draft.name;
            existing.updatedAt = OffsetDateTime.now(clock);
            return Uni.createFrom().item(new Saved<>(existing, false));
        });
    }

    public Uni<Void> deleteField(String code) {
        return removeField(code).invoke(() -> changed(CatalogChanged.Kind.FIELD, code));
    }

    @WithTransaction
    Uni<Void> removeField(String code) {
        return fields.findById(code).onItem().ifNull().failWith(() -> new NoSuchEntryException("field", code))
                .flatMap(fields::delete);
    }

    @WithSession
    public Uni<List<Agency>> agencies() {
        return agencies.list("order by name");
    }

    @WithSession
    public Uni<Agency> agency(String code) {
        return agencies.findById(code).onItem().ifNull().failWith(() -> new NoSuchEntryException("agency", code));
    }

    public Uni<Saved<Agency>> putAgency(Agency draft) {
        return storeAgency(draft).invoke(saved -> changed(CatalogChanged.Kind.AGENCY, saved.entry().code));
    }

    @WithTransaction
    Uni<Saved<Agency>> storeAgency(Agency draft) {
        return agencies.findById(draft.code).flatMap(existing -> {
            draft.updatedAt = OffsetDateTime.now(clock);
            if (existing == null) {
                return agencies.persist(draft).map(a -> new Saved<>(a, true));
            }
            existing.name = draft.name;
            existing.address = draft.address;
            existing.phone = draft.phone;
            existing.email = draft.email;
            existing.workingHours = draft.workingHours;
            existing.openingHours = draft.openingHours;
            existing.updatedAt = draft.updatedAt;
            return Uni.createFrom().item(new Saved<>(existing, false));
        });
    }

    public Uni<Void> deleteAgency(String code) {
        return removeAgency(code).invoke(() -> changed(CatalogChanged.Kind.AGENCY, code));
    }

    @WithTransaction
    Uni<Void> removeAgency(String code) {
        return agencies.findById(code).onItem().ifNull().failWith(() -> new NoSuchEntryException("agency", code))
                .flatMap(agencies::delete);
    }

    @WithSession
    public Uni<List<Holiday>> holidays(Integer year) {
        if (year == null) {
            return holidays.list("order by day");
        }
        return holidays.list("day >= ?1 and day < ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
    }

    public Uni<Saved<Holiday>> putHoliday(Holiday draft) {
        return storeHoliday(draft).call(calendar::reload)
                .invoke(saved -> changed(CatalogChanged.Kind.HOLIDAY, saved.entry().day.toString()));
    }

    @WithTransaction
    Uni<Saved<Holiday>> storeHoliday(Holiday draft) {
        return holidays.findById(draft.day).flatMap(existing -> {
            if (existing == null) {
                return holidays.persist(draft).map(h -> new Saved<>(h, true));
            }
            existing.name = draft.name;
            return Uni.createFrom().item(new Saved<>(existing, false));
        });
    }

    public Uni<Void> deleteHoliday(LocalDate day) {
        return removeHoliday(day).call(calendar::reload)
                .invoke(() -> changed(CatalogChanged.Kind.HOLIDAY, day.toString()));
    }

    @WithTransaction
    Uni<Void> removeHoliday(LocalDate day) {
        return holidays.findById(day).onItem().ifNull().failWith(() -> new NoSuchEntryException("holiday", day))
                .flatMap(holidays::delete);
    }

    private void changed(CatalogChanged.Kind kind, String code) {
        changes.fire(new CatalogChanged(kind, code));
    }
}
