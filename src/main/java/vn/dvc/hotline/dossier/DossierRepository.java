package vn.dvc.hotline.dossier;

import java.util.Locale;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reactive access to dossiers; shared by the REST API and the call path. */
@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<Dossier, String> {

    /** A dossier by its code as issued (any case) or by the digits a caller keys. */
    public Uni<Dossier> findByCodeOrKeypadCode(String codeOrDigits) {
        String normalized = codeOrDigits.trim().toUpperCase(Locale.ROOT);
        return find("code = ?1 or keypadCode = ?1", normalized).firstResult();
    }
}
