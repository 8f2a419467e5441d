package vn.dvc.hotline.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.dvc.hotline.speech.Readouts;

/**
 * "2 Dossier status": the caller keys the dossier's keypad code then {@code #}, hears it read back in groups and
 * confirms (1 yes, 2 re-enter); then keys the last four digits of the applicant's phone then {@code #}, unless the
 * call comes from the applicant's own number. The caller hears the status, the current step, the due date with the
 * working days left (or overdue) and, when documents are missing, what to do, never the applicant's name. Then 1
 * repeats, 2 looks up another dossier.
 *
 * <p>Each lookup goes on the call record with its outcome; the verifier never does (the engine records nothing a
 * service collects). Throttling is the directory's: a throttled caller hears why and goes back to the menu.
 *
 * <p>Thread model: stateless and shared by all calls; each call's state lives in the lambdas handed to its
 * {@link ServiceContext}, on that call's event loop.
 */
public final class DossierStatusService implements VoiceService {

    /** The SERVICE node target this service answers. */
    public static final String NAME = "dossier-status";
    static final String ASK_CODE = "system.dossier.ask-code";
    static final String CONFIRM_CODE = "system.dossier.confirm-code";
    static final String ASK_VERIFIER = "system.dossier.ask-verifier";
    static final String NOT_FOUND = "system.dossier.not-found";
    static final String THROTTLED = "system.dossier.throttled";
    static final String AFTER = "system.dossier.after";
    private static final int SHORTEST_CODE = 4;
    private static final int LONGEST_CODE = 32;

    /** The prompt keys of its own this service plays; their texts live with the system prompts in seed/menu.json. */
    public static final List<String> PROMPT_KEYS = List.of(ASK_CODE, CONFIRM_CODE, ASK_VERIFIER, NOT_FOUND, THROTTLED, AFTER);

    private final DossierDirectory directory;

    public DossierStatusService(DossierDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void start(ServiceContext context) {
        askCode(context, List.of(context.node().promptKey()));
    }

    private void askCode(ServiceContext context, List<String> preface) {
        context.collect(NumberedChoices.concat(preface, List.of(ASK_CODE)),
                context.digits(SHORTEST_CODE, LONGEST_CODE).terminatedBy('#'), code -> confirm(context, code));
    }

    private void confirm(ServiceContext context, String code) {
        List<String> readBack = new ArrayList<>();
        readBack.add(Readouts.CODE_ENTERED);
        readBack.addAll(Readouts.digitGroupsWithPauses(code));
        readBack.add(CONFIRM_CODE);
        context.collect(readBack, context.digits(1, 1), answer -> {
            switch (answer) {
                case "1" -> lookUp(context, code);
                case "2" -> askCode(context, List.of());
                default -> context.retry(List.of());
            }
        });
    }

    private void lookUp(ServiceContext context, String code) {
        if (context.callerNumber().isEmpty()) {
            askVerifier(context, code);
            return;
        }
        // The caller's own number may be the proof; if it is not, the answer is the same whether the code exists or not.
        context.await(directory.lookup(code, null, context.callerNumber().get()), answer -> {
            if (answer instanceof DossierDirectory.VerifierRequired) {
                askVerifier(context, code);
            } else {
                answer(context, code, answer);
            }
        }, failure -> unavailable(context));
    }

    private void askVerifier(ServiceContext context, String code) {
        // Up to five keys: "1234#" ends on the #, which would otherwise be left over to answer the next question;
        // five digits are simply a wrong verifier.
        context.collect(List.of(ASK_VERIFIER), context.digits(4, 5).terminatedBy('#'),
                verifier -> context.await(directory.lookup(code, verifier, context.callerNumber().orElse(null)),
                        answer -> answer(context, code, answer), failure -> unavailable(context)));
    }

    private void answer(ServiceContext context, String keyed, DossierDirectory.Answer answer) {
        if (answer instanceof DossierDirectory.Found found) {
            context.recordLookup(found.code(), LookupOutcome.FOUND);
            tell(context, found);
        } else if (answer instanceof DossierDirectory.Throttled) {
            context.recordLookup(keyed, LookupOutcome.THROTTLED);
            context.play(List.of(THROTTLED), context::returnToMenu);
        } else {
            context.recordLookup(keyed, LookupOutcome.NOT_FOUND);
            askCode(context, List.of(NOT_FOUND));
        }
    }

    private void tell(ServiceContext context, DossierDirectory.Found found) {
        context.collect(NumberedChoices.concat(statusReadout(found), List.of(AFTER)), context.digits(1, 1), option -> {
            switch (option) {
                case "1" -> tell(context, found);
                case "2" -> askCode(context, List.of());
                default -> context.retry(List.of());
            }
        });
    }

    /** Status, current step, due date and working days, and what to do for a supplement. */
    static List<String> statusReadout(DossierDirectory.Found found) {
        List<String> keys = new ArrayList<>();
        keys.add(found.statusPromptKey());
        if (found.currentStepPromptKey() != null) {
            keys.add(Readouts.CURRENT_STEP);
            keys.add(found.currentStepPromptKey());
        }
        List<String> deadline = Readouts.deadline(found.workingDaysLeft(), found.workingDaysOverdue());
        if (!deadline.isEmpty() && found.dueDate() != null) {
            keys.add(Readouts.DUE_DATE);
            keys.addAll(Readouts.date(found.dueDate()));
        }
        keys.addAll(deadline);
        if (found.needsSupplement()) {
            keys.add(Readouts.SUPPLEMENT_ADVICE);
        }
        return keys;
    }

    private static void unavailable(ServiceContext context) {
        context.play(List.of(SystemPrompt.SERVICE_UNAVAILABLE.key()), context::returnToMenu);
    }
}
