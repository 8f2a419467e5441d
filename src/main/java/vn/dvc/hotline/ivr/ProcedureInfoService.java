package vn.dvc.hotline.ivr;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * "1 Procedures": the caller keys a procedure's keypad number then {@code #} (or {@code 0 #} to choose by field, then
 * by procedure), hears its spoken summary, then chooses: 1 repeat, 2 the full list of documents, 3 where to submit and
 * the opening hours, 4 another procedure; {@code *} goes back (the engine's rule).
 *
 * <p>Thread model: stateless and shared by all calls; each call's state lives in the lambdas handed to its
 * {@link ServiceContext}, on that call's event loop.
 */
public final class ProcedureInfoService implements VoiceService {

    /** The SERVICE node target this service answers. */
    public static final String NAME = "procedure-info";
    static final String ASK_NUMBER = "system.procedure.ask-number";
    static final String UNKNOWN_NUMBER = "system.procedure.unknown-number";
    static final String OPTIONS = "system.procedure.options";
    static final String CHOOSE_FIELD = "system.procedure.choose-field";
    static final String CHOOSE_PROCEDURE = "system.procedure.choose-procedure";
    /** The number a caller keys to choose by field rather than by keypad number (keypad numbers start at 100). */
    static final String BROWSE = "0";
    private static final int LONGEST_KEYPAD_NUMBER = 8;

    /** The prompt keys of its own this service plays; their texts live with the system prompts in seed/menu.json. */
    public static final List<String> PROMPT_KEYS = List.of(ASK_NUMBER, UNKNOWN_NUMBER, OPTIONS, CHOOSE_FIELD, CHOOSE_PROCEDURE, NumberedChoices.NO_SUCH_CHOICE);

    private final ProcedureDirectory directory;

    public ProcedureInfoService(ProcedureDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The procedure's spoken summary. */
    public static String summaryKey(String code) {
        return "procedure." + code;
    }

    /** The full list of documents to submit. */
    public static String documentsKey(String code) {
        return "procedure." + code + ".documents";
    }

    /** Where to submit, and the opening hours there. */
    public static String whereKey(String code) {
        return "procedure." + code + ".where";
    }

    @Override
    public void start(ServiceContext context) {
        askNumber(context, List.of(context.node().promptKey()));
    }

    private void askNumber(ServiceContext context, List<String> preface) {
        context.collect(NumberedChoices.concat(preface, List.of(ASK_NUMBER)),
                context.digits(1, LONGEST_KEYPAD_NUMBER).terminatedBy('#'), number -> {
                    if (BROWSE.equals(number)) {
                        chooseField(context);
                        return;
                    }
                    context.await(directory.codeByKeypadNumber(number), code -> {
                        if (code.isPresent()) {
                            present(context, code.get(), summaryKey(code.get()));
                        } else {
                            context.retry(List.of(UNKNOWN_NUMBER));
                        }
                    }, failure -> unavailable(context));
                });
    }

    private void chooseField(ServiceContext context) {
        context.await(directory.fields(), fields -> choose(context, CHOOSE_FIELD, fields,
                field -> chooseProcedure(context, field)), failure -> unavailable(context));
    }

    private void chooseProcedure(ServiceContext context, Choice field) {
        context.await(directory.procedures(field.code()), procedures -> choose(context, CHOOSE_PROCEDURE, procedures,
                procedure -> present(context, procedure.code(), summaryKey(procedure.code()))),
                failure -> unavailable(context));
    }

    private void choose(ServiceContext context, String question, List<Choice> choices, Consumer<Choice> onChosen) {
        if (choices.isEmpty()) {
            askNumber(context, List.of(UNKNOWN_NUMBER));
            return;
        }
        context.collect(NumberedChoices.concat(List.of(question), NumberedChoices.readOut(choices)),
                NumberedChoices.rules(context), answer -> NumberedChoices.pick(choices, answer)
                        .ifPresentOrElse(onChosen, () -> context.retry(List.of(NumberedChoices.NO_SUCH_CHOICE))));
    }

    /** Plays one part of a procedure's information, then offers the options; a key barges in as the option. */
    private void present(ServiceContext context, String code, String partKey) {
        context.recordProcedureHeard(code);
        context.collect(List.of(partKey, OPTIONS), context.digits(1, 1), option -> {
            switch (option) {
                case "1" -> present(context, code, partKey);
                case "2" -> present(context, code, documentsKey(code));
                case "3" -> present(context, code, whereKey(code));
                case "4" -> askNumber(context, List.of());
                default -> context.retry(List.of());
            }
        });
    }

    private static void unavailable(ServiceContext context) {
        context.play(List.of(SystemPrompt.SERVICE_UNAVAILABLE.key()), context::returnToMenu);
    }
}
