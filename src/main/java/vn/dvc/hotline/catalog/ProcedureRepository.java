package vn.dvc.hotline.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reactive access to {@link Procedure} rows; shared by the REST API and the call path. */
@ApplicationScoped
public class ProcedureRepository implements PanacheRepositoryBase<Procedure, String> {
}
