package vn.dvc.hotline.portal;

import java.util.List;

import vn.dvc.hotline.catalog.OnTheSpot;
import vn.dvc.hotline.catalog.Procedure;
import vn.dvc.hotline.catalog.ProcedureDocument;

/** Between procedure entities and their JSON form. */
final class ProcedureMapping {

    private ProcedureMapping() {
    }

    static ProcedureBody toBody(Procedure p) {
        List<ProcedureBody.DocumentBody> documents = p.documents == null ? List.of() : p.documents.stream()
                .map(d -> new ProcedureBody.DocumentBody(d.name(), d.copies(), d.form())).toList();
        return new ProcedureBody(p.code, p.name, p.fieldCode, p.agencyCode, p.level, p.onTheSpot, p.processingTime,
                p.processingDays, p.fees, documents, p.steps == null ? List.of() : List.copyOf(p.steps),
                p.whereToSubmit, p.legalBasis, p.spokenSummary, p.keypadNumber);
    }

    static Procedure toEntity(ProcedureBody body) {
        Procedure p = new Procedure();
        p.code = body.code().trim();
        p.name = body.name().trim();
        p.fieldCode = body.fieldCode().trim();
        p.agencyCode = body.agencyCode() == null || body.agencyCode().isBlank() ? null : body.agencyCode().trim();
        p.level = body.level();
        p.onTheSpot = body.onTheSpot() == null ? OnTheSpot.NONE : body.onTheSpot();
        p.processingTime = body.processingTime();
        p.processingDays = body.processingDays();
        p.fees = body.fees();
        p.documents = body.documents() == null ? List.of() : body.documents().stream()
                .map(d -> new ProcedureDocument(d.name(), d.copies(), d.form())).toList();
        p.steps = body.steps() == null ? List.of() : List.copyOf(body.steps());
        p.whereToSubmit = body.whereToSubmit();
        p.legalBasis = body.legalBasis();
        p.spokenSummary = body.spokenSummary();
        p.keypadNumber = body.keypadNumber();
        return p;
    }
}
