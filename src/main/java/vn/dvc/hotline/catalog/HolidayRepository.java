package vn.dvc.hotline.catalog;

import java.time.LocalDate;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reactive access to {@link Holiday} rows; shared by the REST API and the call path. */
@ApplicationScoped
public class HolidayRepository implements PanacheRepositoryBase<Holiday, LocalDate> {
}
