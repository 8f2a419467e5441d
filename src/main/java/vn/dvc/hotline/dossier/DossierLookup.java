package vn.dvc.hotline.dossier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.catalog.ProcedureRepository;
import vn.dvc.hotline.catalog.WorkingCalendar;
import vn.dvc.hotline.ops.Clocks.TimeConfig;

/**
 * Looks a dossier up by its code (as issued, or the digits a caller keys) and the last four digits of the
 * applicant's phone, counting failures per client so that verifiers cannot be guessed.
 *
 * <p>Thread model: returns a {@link Uni}; subscribe on a Vert.x context. Nothing blocks.
 */
@ApplicationScoped
public class DossierLookup {

    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    private final DossierRepository dossiers;
    private final ProcedureRepository procedures;
    private final LookupThrottle throttle;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    DossierLookup(DossierRepository dossiers, ProcedureRepository procedures, LookupThrottle throttle,
            WorkingCalendar calendar, TimeConfig time) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.throttle = throttle;
        this.calendar = calendar;
        this.zone = time.zone();
    }

    /**
     * @param client who is asking, for throttling (REST: the client address; phone: the caller number)
     */
    @WithSession
    public Uni<DossierLookupResult> lookup(String code, String verifier, String client) {
        Optional<Duration> wait = throttle.waitRequired(client);
        if (wait.isPresent()) {
            return Uni.createFrom().item(new DossierLookupResult.Throttled(wait.get()));
        }
        return dossiers.findByCodeOrKeypadCode(code).flatMap(dossier -> {
            if (dossier == null || !matches(dossier, verifier)) {
                throttle.recordFailure(client);
                return Uni.createFrom().item(new DossierLookupResult.NotFound());
            }
            return procedures.findById(dossier.procedureCode)
                    .map(procedure -> found(dossier, procedure == null ? null : procedure.name));
        });
    }

    private static boolean matches(Dossier dossier, String verifier) {
        if (verifier == null || !FOUR_DIGITS.matcher(verifier).matches()) {
            return false;
        }
        return ApplicantSecrets.verifierHash(dossier.code, verifier).equals(dossier.verifierHash);
    }

    private DossierLookupResult.Found found(Dossier dossier, String procedureName) {
        LocalDate dueDate = dossier.dueAt == null ? null : dossier.dueAt.atZoneSameInstant(zone).toLocalDate();
        Integer left = null;
        Integer overdue = null;
        if (dueDate != null && !dossier.status.isFinal()) {
            int days = calendar.workingDaysBetween(calendar.today(), dueDate);
            if (days >= 0) {
                left = days;
            } else {
                overdue = -days;
            }
        }
        return new DossierLookupResult.Found(dossier.code, dossier.keypadCode, dossier.status, dossier.procedureCode,
                procedureName, dossier.receivedAt, dossier.dueAt, dossier.completedAt, dueDate, left, overdue,
                dossier.currentStep, NameMask.mask(dossier.applicantName));
    }
}
