package vn.dvc.hotline.ivr;

import java.time.Instant;
import java.util.List;

/**
 * What a {@link CallFlow} asks the rest of the system to do for its call: the media layer plays and stops
 * prompts, the SIP layer hangs up, the call record collects steps. One instance per call.
 *
 * <p>Thread model: every method except {@link #execute(Runnable)} is called on the call's event loop and
 * must not block it. Timers from {@link #schedule} fire on that event loop.
 */
public interface IvrActions extends CallTimer {

    /**
     * Plays the prompts one after the other, replacing at once whatever is playing (barge-in: the next
     * audio frame sent belongs to the first of these prompts). When the last one has been played the
     * implementation calls {@link CallFlow#onPromptFinished()}; it never reports the end of a sequence
     * that has been replaced or stopped.
     *
     * @param promptKeys node keys, {@link SystemPrompt} keys or a service's fragment keys; not empty
     */
    void play(List<String> promptKeys);

    /** Stops the current prompt without starting another; no {@code onPromptFinished} follows. */
    void stopPlayback();

    /** Ends the call (BYE). The flow sends no further actions after this. */
    void hangUp(EndReason reason);

    /**
     * Notes one step of the caller's path for the call record.
     *
     * @param nodeKey the node where the keys were pressed
     * @param digits  the keys, e.g. {@code "2"}, {@code "0"} (repeat), {@code "*"} (back), or what a
     *                service chose to record
     * @param at      when, from the flow's clock
     */
    void recordStep(String nodeKey, String digits, Instant at);

    /** Notes that the caller heard a procedure's information (the record's {@code procedures}). */
    void recordProcedure(String procedureCode, Instant at);

    /** Notes a dossier lookup and its outcome; the verifier is never passed here. */
    void recordLookup(String dossierCode, LookupOutcome outcome, Instant at);

    /** Notes the caller's rating, 1 to 5, given at {@code at}. */
    void recordRating(int score, Instant at);

    /**
     * Runs {@code task} on the call's event loop, later. May be called from any thread: this is how the
     * result of a database lookup gets back to the call.
     */
    void execute(Runnable task);

    /**
     * A voice service threw; the flow has already moved the caller back to the menu. Implementations log
     * it with the call's identifiers.
     *
     * @param nodeKey the SERVICE node whose service failed
     * @param error   what was thrown
     */
    void reportServiceFailure(String nodeKey, Throwable error);
}
