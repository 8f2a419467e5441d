package vn.dvc.hotline.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.catalog.ConflictingEntryException;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.ProcedureRepository;

/**
 * Applies the portal's dossiers: idempotent upserts that keep a status history.
 *
 * <p>Thread model: returns a {@link Uni}; subscribe on a Vert.x context. Nothing blocks.
 */
@ApplicationScoped
public class DossierSync {

    /** Outcome of one upsert. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** A dossier code as issued: letters, digits and the separators . - _ / */
    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    private final DossierRepository dossiers;
    private final DossierStatusChangeRepository history;
    private final ProcedureRepository procedures;
    private final Clock clock;

    DossierSync(DossierRepository dossiers, DossierStatusChangeRepository history, ProcedureRepository procedures,
            Clock clock) {
        this.dossiers = dossiers;
        this.history = history;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** The digits a caller keys for a code: its digits in order ("000.00.01.H29-240115-0001" → "0000001292401150001"). */
    public static String keypadCodeOf(String code) {
        return NOT_DIGIT.matcher(code).replaceAll("");
    }

    @WithTransaction
    public Uni<Outcome> upsert(String rawCode, DossierInput input) {
        if (!CODE.matcher(rawCode).matches()) {
            return Uni.createFrom().failure(new InvalidEntryException("code",
                    "must be 1 to 64 letters, digits or . - _ / (as issued, e.g. 000.00.01.H29-240115-0001)"));
        }
        String code = rawCode.toUpperCase(Locale.ROOT);
        String keypadCode = input.keypadCode() != null ? input.keypadCode() : keypadCodeOf(code);
        if (keypadCode.length() < 4) {
            return Uni.createFrom().failure(new InvalidEntryException("keypadCode",
                    "the code has fewer than 4 digits to key on a phone; send keypadCode"));
        }
        return procedures.findById(input.procedureCode()).flatMap(procedure -> {
            if (procedure == null) {
                throw new InvalidEntryException("procedureCode", "no procedure with code " + input.procedureCode());
            }
            return dossiers.find("keypadCode = ?1 and code <> ?2", keypadCode, code).<Dossier>firstResult();
        }).flatMap(holder -> {
            if (holder != null) {
                throw new ConflictingEntryException("Keypad code " + keypadCode + " already belongs to dossier "
                        + holder.code + "; send a distinct keypadCode");
            }
            return dossiers.findById(code);
        }).flatMap(existing -> existing == null ? create(code, keypadCode, input)
                : update(existing, keypadCode, input));
    }

    private Uni<Outcome> create(String code, String keypadCode, DossierInput input) {
        String lastFour = ApplicantSecrets.lastFourDigits(input.applicantPhone());
        if (lastFour == null) {
            return Uni.createFrom().failure(new InvalidEntryException("applicantPhone",
                    "is required for a new dossier (at least 4 digits): callers prove who they are with its last 4"));
        }
        Dossier dossier = new Dossier();
        dossier.code = code;
        dossier.keypadCode = keypadCode;
        dossier.verifierHash = ApplicantSecrets.verifierHash(code, lastFour);
        dossier.applicantPhoneHash = ApplicantSecrets.phoneHash(input.applicantPhone());
        apply(input, dossier);
        return dossiers.persist(dossier)
                .flatMap(saved -> recordChange(saved, saved.receivedAt))
                .replaceWith(Outcome.CREATED);
    }

    private Uni<Outcome> update(Dossier dossier, String keypadCode, DossierInput input) {
        boolean statusChanged = dossier.status != input.status()
                || !Objects.equals(dossier.currentStep, input.currentStep());
        String lastFour = ApplicantSecrets.lastFourDigits(input.applicantPhone());
        String verifierHash = lastFour == null ? dossier.verifierHash
                : ApplicantSecrets.verifierHash(dossier.code, lastFour);
        String phoneHash = lastFour == null ? dossier.applicantPhoneHash
                : ApplicantSecrets.phoneHash(input.applicantPhone());
        boolean changed = statusChanged
                || !keypadCode.equals(dossier.keypadCode)
                || !input.procedureCode().equals(dossier.procedureCode)
                || !input.applicantName().equals(dossier.applicantName)
                || !verifierHash.equals(dossier.verifierHash)
                || !phoneHash.equals(dossier.applicantPhoneHash)
                || !sameInstant(dossier.receivedAt, input.receivedAt())
                || !sameInstant(dossier.dueAt, input.dueAt())
                || !sameInstant(dossier.completedAt, input.completedAt());
        if (!changed) {
            return Uni.createFrom().item(Outcome.UNCHANGED);
        }
        dossier.keypadCode = keypadCode;
        dossier.verifierHash = verifierHash;
        dossier.applicantPhoneHash = phoneHash;
        apply(input, dossier);
        Uni<Void> historyWritten = statusChanged ? recordChange(dossier, OffsetDateTime.now(clock))
                : Uni.createFrom().voidItem();
        return historyWritten.replaceWith(Outcome.UPDATED);
    }

    private void apply(DossierInput input, Dossier dossier) {
        dossier.procedureCode = input.procedureCode();
        dossier.applicantName = input.applicantName().trim();
        dossier.status = input.status();
        dossier.currentStep = input.currentStep();
        dossier.receivedAt = input.receivedAt();
        dossier.dueAt = input.dueAt();
        dossier.completedAt = input.completedAt();
        dossier.updatedAt = OffsetDateTime.now(clock);
    }

    private Uni<Void> recordChange(Dossier dossier, OffsetDateTime at) {
        DossierStatusChange change = new DossierStatusChange();
        change.dossierCode = dossier.code;
        change.status = dossier.status;
        change.currentStep = dossier.currentStep;
        change.changedAt = at;
        return history.persist(change).replaceWithVoid();
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
