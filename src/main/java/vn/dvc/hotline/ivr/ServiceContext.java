package vn.dvc.hotline.ivr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What a {@link VoiceService} may do with the call it was given. Valid from {@link VoiceService#start}
 * until the service returns to the menu or hangs up, the caller presses {@code *}, or the call ends;
 * after that every method does nothing, so a late lookup result cannot disturb the caller's new place.
 *
 * <p>Thread model: not thread-safe. Call it only on the call's event loop, which is where every
 * callback passed to it runs; {@link #await} is the way back from other threads.
 */
public interface ServiceContext {

    /** @return the SERVICE node being served (its key is a sensible prefix for the service's steps) */
    MenuNode node();

    /** @return the caller's number as delivered by the trunk, if not withheld */
    Optional<String> callerNumber();

    /** @return the current time from the flow's clock */
    Instant now();

    /** @return whether the service still owns the call */
    boolean isActive();

    /** @return rules for {@code min}–{@code max} keys with this call's configured timeouts, no terminator */
    DigitRules digits(int min, int max);

    /**
     * Plays prompts, then runs {@code onFinished}. Any key but {@code *} skips the rest of the prompts and
     * runs {@code onFinished} at once.
     *
     * @param promptKeys not empty
     * @param onFinished what to do next; may be a no-op while waiting for a lookup
     */
    void play(List<String> promptKeys, Runnable onFinished);

    /**
     * Asks a question: plays the prompts and collects an answer by {@code rules}; a key pressed during the
     * prompts interrupts them. Silence or too few keys are retried by the engine (after
     * {@link SystemPrompt#NOT_UNDERSTOOD}, at most {@link IvrSettings#maxRetries()} times, then goodbye and
     * hang-up); only a complete answer reaches {@code onAnswer}. Each call starts a new question with a
     * fresh retry count.
     *
     * @param promptKeys the question; not empty
     * @param rules      how to collect the answer
     * @param onAnswer   receives the keys, without the terminator
     */
    void collect(List<String> promptKeys, DigitRules rules, Consumer<String> onAnswer);

    /**
     * The last answer was complete but unusable (unknown procedure number, dossier not found…): counts a
     * failure, plays {@code explanationKeys} (or {@link SystemPrompt#NOT_UNDERSTOOD} if empty) and asks the
     * last question again, or says goodbye and hangs up when the retries are spent.
     *
     * @throws IllegalStateException if the service has not asked any question yet
     */
    void retry(List<String> explanationKeys);

    /** Ends the service and plays the menu the service node belongs to. */
    void returnToMenu();

    /**
     * Ends the service and the call: plays {@code finalPromptKeys}, then hangs up.
     *
     * @param finalPromptKeys what to say last; if empty, hangs up at once
     */
    void hangUp(List<String> finalPromptKeys);

    /**
     * Adds a step to the call record under this node's key. The engine records nothing a service
     * collects on its own, because answers may be second factors (last digits of a phone number).
     */
    void recordStep(String digits);

    /** Notes for the call record that the caller heard this procedure's information. */
    void recordProcedureHeard(String procedureCode);

    /**
     * Notes a dossier lookup and its outcome for the call record. Never pass the verifier.
     *
     * @param dossierCode the code as keyed (or as issued, when found)
     */
    void recordLookup(String dossierCode, LookupOutcome outcome);

    /** Notes the caller's rating of the service, 1 to 5, for the call record and the {@code rating} table. */
    void recordRating(int score);

    /**
     * Waits for asynchronous work (a database lookup) and continues on the call's event loop, provided
     * the service still owns the call by then; otherwise the result is dropped.
     *
     * @param stage     the pending work, completed on any thread
     * @param onResult  continues the dialogue with the value
     * @param onFailure continues the dialogue after the work failed (the cause, unwrapped)
     */
    <T> void await(CompletionStage<T> stage, Consumer<T> onResult, Consumer<Throwable> onFailure);
}
