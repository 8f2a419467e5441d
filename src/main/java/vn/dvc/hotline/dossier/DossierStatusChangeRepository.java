package vn.dvc.hotline.dossier;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reactive access to dossiers' status histories. */
@ApplicationScoped
public class DossierStatusChangeRepository implements PanacheRepositoryBase<DossierStatusChange, Long> {

    public Uni<List<DossierStatusChange>> historyOf(String dossierCode) {
        return list("dossierCode = ?1 order by changedAt, id", dossierCode);
    }
}
