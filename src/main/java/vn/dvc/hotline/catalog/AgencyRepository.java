package vn.dvc.hotline.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reactive access to {@link Agency} rows; shared by the REST API and the call path. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, String> {
}
