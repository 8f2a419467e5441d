package vn.dvc.hotline.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.catalog.WorkingCalendar;
import vn.dvc.hotline.ivr.DossierDirectory;
import vn.dvc.hotline.ops.Clocks.TimeConfig;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptsOnDemand;
import vn.dvc.hotline.speech.Readouts;

/**
 * Dossier lookups by phone: the REST lookup's second factor and {@link LookupThrottle}, with failures counted twice,
 * per caller number and per dossier code, so that neither one caller trying many codes nor many callers trying one
 * code get far. Callers whose number is withheld share one budget. A caller whose number is the applicant's needs no
 * verifier; for anyone else the answer to "no verifier yet" is the same whether the code exists or not.
 *
 * <p>One query on the reactive pool per lookup, holding no Hibernate session. The current step is free text; its
 * prompt ({@code dossier.step.<hash>}) is rendered the first time a call needs it and cached like any prompt.
 *
 * <p>Thread model: {@link #lookup} returns at once; its stage completes on the pool's event loop or on the prompt
 * library's thread. The throttle is thread-safe.
 */
@ApplicationScoped
public class PhoneDossierLookup implements DossierDirectory {

    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
    private static final String SELECT = "SELECT code, status, current_step, due_at, verifier_hash,"
            + " applicant_phone_hash, procedure_code FROM dossier WHERE keypad_code = $1 OR code = $2";

    private final Pool pool;
    private final LookupThrottle throttle;
    private final WorkingCalendar calendar;
    private final PromptLibrary prompts;
    private final ZoneId zone;

    PhoneDossierLookup(Pool pool, LookupThrottle throttle, WorkingCalendar calendar, PromptLibrary prompts,
            TimeConfig time) {
        this.pool = pool;
        this.throttle = throttle;
        this.calendar = calendar;
        this.prompts = prompts;
        this.zone = time.zone();
    }

    /** The throttle's client for a caller: the national number, or one shared client for withheld numbers. */
    public static String callerClient(String callerNumber) {
        String national = ApplicantSecrets.nationalNumber(callerNumber);
        return "phone:" + (national == null ? "withheld" : national);
    }

    /** The throttle's client for a dossier code as keyed. */
    public static String codeClient(String keypadCode) {
        return "dossier:" + keypadCode;
    }

    /** The prompt of a current step's text. */
    public static String stepKey(String stepText) {
        return "dossier.step." + PromptLibrary.textHash("step", stepText).substring(0, 16);
    }

    @Override
    public CompletionStage<Answer> lookup(String keypadCode, String verifier, String callerNumber) {
        String caller = callerClient(callerNumber);
        String code = codeClient(keypadCode);
        if (throttle.waitRequired(caller).isPresent() || throttle.waitRequired(code).isPresent()) {
            return Uni.createFrom().<Answer>item(new Throttled()).subscribeAsCompletionStage();
        }
        return pool.preparedQuery(SELECT).execute(Tuple.of(keypadCode, keypadCode.toUpperCase(Locale.ROOT)))
                .flatMap(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    if (verifier == null) {
                        boolean applicantCalling = row != null && ApplicantSecrets.nationalNumber(callerNumber) != null
                                && ApplicantSecrets.phoneHash(callerNumber).equals(row.getString("applicant_phone_hash"));
                        return applicantCalling ? found(row) : Uni.createFrom().<Answer>item(new VerifierRequired());
                    }
                    if (row == null || !FOUR_DIGITS.matcher(verifier).matches() || !ApplicantSecrets
                            .verifierHash(row.getString("code"), verifier).equals(row.getString("verifier_hash"))) {
                        throttle.recordFailure(caller);
                        throttle.recordFailure(code);
                        return Uni.createFrom().<Answer>item(new NotFound());
                    }
                    return found(row);
                }).subscribeAsCompletionStage();
    }

    private Uni<Answer> found(Row row) {
        DossierStatus status = DossierStatus.valueOf(row.getString("status"));
        OffsetDateTime dueAt = row.getOffsetDateTime("due_at");
        LocalDate dueDate = dueAt == null ? null : dueAt.atZoneSameInstant(zone).toLocalDate();
        Integer left = null;
        Integer overdue = null;
        if (dueDate != null && !status.isFinal()) {
            int days = calendar.workingDaysBetween(calendar.today(), dueDate);
            if (days >= 0) {
                left = days;
            } else {
                overdue = -days;
            }
        }
        String step = row.getString("current_step");
        String stepKey = step == null || step.isBlank() ? null : stepKey(step);
        Answer answer = new Found(row.getString("code"), status.name(), Readouts.statusKey(status), stepKey, dueDate,
                left, overdue, status == DossierStatus.NEEDS_SUPPLEMENT, row.getString("procedure_code"));
        return stepKey == null ? Uni.createFrom().item(answer)
                : PromptsOnDemand.ready(prompts, Map.of(stepKey, step)).replaceWith(answer);
    }
}
