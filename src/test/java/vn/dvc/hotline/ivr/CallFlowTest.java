package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dvc.hotline.ivr.MenuValidatorTest.menu;
import static vn.dvc.hotline.ivr.MenuValidatorTest.message;
import static vn.dvc.hotline.ivr.MenuValidatorTest.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Drives {@link CallFlow} over a small menu with a fake clock. Each assertion compares the exact commands
 * issued, taken right after the event that caused them: a command present there was issued
 * synchronously, before the event method returned.
 */
class CallFlowTest {

    private static final Duration FIRST_DIGIT = Duration.ofSeconds(5);

    /*
     * root (MENU)
     *   1 info (MENU)            1 info.fees (MESSAGE)   2 info.bye (HANGUP)
     *   2 echo (SERVICE "echo")
     *   3 missing (SERVICE "not-registered")
     *   4 note (MESSAGE)
     */
    private static final MenuTree TREE = MenuTree.of(List.of(
            menu("root", null, null),
            menu("info", "root", '1'),
            message("info.fees", "info", '1'),
            new MenuNode("info.bye", "info", '2', NodeKind.HANGUP, "Tạm biệt", null),
            service("echo", "root", '2', "echo"),
            service("missing", "root", '3', "not-registered"),
            message("note", "root", '4')));

    private final RecordingActions actions = new RecordingActions();
    private final AtomicReference<ServiceContext> context = new AtomicReference<>();

    private CallFlow flow(VoiceService echo) {
        return new CallFlow(TREE, echo == null ? Map.of() : Map.of("echo", echo), actions, actions.clock,
                IvrSettings.defaults(), "0901234567");
    }

    /** A flow already greeting the caller with the root prompt; the log is empty. */
    private CallFlow started(VoiceService echo) {
        CallFlow flow = flow(echo);
        flow.start();
        assertEquals(List.of("play root"), actions.take());
        return flow;
    }

    private CallFlow started() {
        return started(null);
    }

    private List<String> press(CallFlow flow, String keys) {
        for (char key : keys.toCharArray()) {
            flow.onDigit(key);
        }
        return actions.take();
    }

    private List<String> finish(CallFlow flow) {
        flow.onPromptFinished();
        return actions.take();
    }

    private List<String> silence(CallFlow flow) {
        flow.onPromptFinished();
        actions.advance(FIRST_DIGIT);
        return actions.take();
    }

    /** Asks for 2 to 6 digits ended by #, records how many, reads them back, returns to the menu. */
    private VoiceService echoService() {
        return ctx -> {
            context.set(ctx);
            ctx.collect(List.of("echo.ask"), ctx.digits(2, 6).terminatedBy('#'), digits -> {
                ctx.recordStep("len" + digits.length());
                List<String> readOut = new ArrayList<>();
                readOut.add("echo.said");
                digits.chars().forEach(c -> readOut.add("digit." + (char) c));
                ctx.play(readOut, ctx::returnToMenu);
            });
        };
    }

    // ---- start, barge-in, timing -------------------------------------------------------------------

    @Test
    void startGreetsWithTheRootAndWaitsForThePromptBeforeTiming() {
        CallFlow flow = started();
        actions.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), actions.take(), "no timeout while the greeting plays");
        assertEquals(Optional.of("root"), flow.currentNodeKey());
    }

    @Test
    void keyDuringThePromptPlaysTheNextPromptBeforeOnDigitReturns() {
        CallFlow flow = started();
        flow.onDigit('1');
        assertEquals(List.of("step root 1", "play info"), actions.take(),
                "barge-in: the next prompt replaces the current one at once, no stop in between");
        assertEquals(Optional.of("info"), flow.currentNodeKey());
    }

    @Test
    void choiceAfterThePromptCancelsTheTimer() {
        CallFlow flow = started();
        finish(flow);
        actions.advance(Duration.ofSeconds(4));
        assertEquals(List.of("step root 1", "play info"), press(flow, "1"));
        actions.advance(Duration.ofSeconds(4));
        assertEquals(List.of(), actions.take(), "root's timer is gone and info's prompt is still playing");
    }

    @Test
    void staleOrDuplicatePromptFinishedIsIgnored() {
        CallFlow flow = flow(null);
        flow.onPromptFinished();
        flow.start();
        actions.take();
        flow.onPromptFinished();
        flow.onPromptFinished();
        actions.advance(FIRST_DIGIT);
        assertEquals(List.of("play system.not-understood,root"), actions.take());
        assertEquals(0, actions.timer.pending(), "no second timer from the duplicate");
    }

    // ---- failures and retries ----------------------------------------------------------------------

    @Test
    void silenceIsNotUnderstoodThenTheMenuAgain() {
        CallFlow flow = started();
        actions.advance(Duration.ofSeconds(30));
        flow.onPromptFinished();
        actions.advance(Duration.ofMillis(4_999));
        assertEquals(List.of(), actions.take());
        actions.advance(Duration.ofMillis(1));
        assertEquals(List.of("play system.not-understood,root"), actions.take());
    }

    @Test
    void threeRetriesThenGoodbyeThenHangUpOnlyWhenGoodbyeHasFinished() {
        CallFlow flow = started();
        for (int retry = 1; retry <= 3; retry++) {
            assertEquals(List.of("play system.not-understood,root"), silence(flow), "retry " + retry);
        }
        assertEquals(List.of("play system.goodbye"), silence(flow));
        actions.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), press(flow, "1*0#"), "keys during the goodbye are ignored");
        assertFalse(flow.isEnded());
        assertEquals(List.of("hangUp NO_VALID_INPUT"), finish(flow));
        assertTrue(flow.isEnded());
        assertEquals(0, actions.timer.pending());
    }

    @Test
    void unknownKeysCountAsFailures() {
        CallFlow flow = started();
        assertEquals(List.of("play system.not-understood,root"), press(flow, "7"));
        assertEquals(List.of("play system.not-understood,root"), press(flow, "#"));
        assertEquals(List.of("play system.not-understood,root"), press(flow, "A"));
        assertEquals(List.of("play system.goodbye"), press(flow, "5"));
    }

    @Test
    void silenceAndUnknownKeysShareTheCount() {
        CallFlow flow = started();
        silence(flow);
        press(flow, "8");
        silence(flow);
        assertEquals(List.of("play system.goodbye"), press(flow, "8"));
    }

    @Test
    void aValidChoiceStartsAFreshCount() {
        CallFlow flow = started();
        press(flow, "777");
        assertEquals(List.of("step root 1", "play info"), press(flow, "1"));
        for (int retry = 1; retry <= 3; retry++) {
            assertEquals(List.of("play system.not-understood,info"), press(flow, "7"));
        }
        assertEquals(List.of("play system.goodbye"), press(flow, "7"));
    }

    @Test
    void noRetriesConfigured() {
        CallFlow flow = new CallFlow(TREE, Map.of(), actions, actions.clock,
                new IvrSettings(0, Duration.ofSeconds(2), Duration.ofSeconds(1)), null);
        flow.start();
        actions.take();
        flow.onPromptFinished();
        actions.advance(Duration.ofSeconds(2));
        assertEquals(List.of("play system.goodbye"), actions.take());
    }

    // ---- 0 repeat, * back --------------------------------------------------------------------------

    @Test
    void zeroRepeatsTheMenuAndNeitherCountsNorClearsFailures() {
        CallFlow flow = started();
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of("step root 0", "play root"), press(flow, "0"));
        }
        press(flow, "777");
        assertEquals(List.of("step root 0", "play root"), press(flow, "0"));
        assertEquals(List.of("play system.goodbye"), press(flow, "7"), "0 did not reset the three failures");
    }

    @Test
    void starAtTheRootRepeatsIt() {
        CallFlow flow = started();
        assertEquals(List.of("step root *", "play root"), press(flow, "*"));
        assertEquals(Optional.of("root"), flow.currentNodeKey());
    }

    @Test
    void starInASubmenuGoesBackToItsParent() {
        CallFlow flow = started();
        press(flow, "1");
        assertEquals(List.of("step info *", "play root"), press(flow, "*"));
        assertEquals(List.of("step root *", "play root"), press(flow, "*"));
    }

    @Test
    void zeroInASubmenuRepeatsThatSubmenu() {
        CallFlow flow = started();
        press(flow, "1");
        assertEquals(List.of("step info 0", "play info"), press(flow, "0"));
    }

    @Test
    void starInAMessageGoesBackToItsMenu() {
        CallFlow flow = started();
        press(flow, "1");
        assertEquals(List.of("step info 1", "play info.fees"), press(flow, "1"));
        assertEquals(List.of("step info.fees *", "play info"), press(flow, "*"));
    }

    @Test
    void starInAServiceGoesBackAndSilencesTheService() {
        CallFlow flow = started(echoService());
        press(flow, "2");
        press(flow, "12");
        assertEquals(List.of("step echo *", "play root"), press(flow, "*"));
        assertEquals(0, actions.timer.pending(), "the service's digit timer is cancelled");
        ServiceContext stale = context.get();
        assertFalse(stale.isActive());
        stale.play(List.of("echo.late"), () -> { });
        stale.returnToMenu();
        stale.recordStep("late");
        stale.hangUp(List.of());
        assertEquals(List.of(), actions.take(), "a service that lost the call cannot act on it");
    }

    @Test
    void starInAnUnregisteredServiceGoesBack() {
        CallFlow flow = started();
        press(flow, "3");
        assertEquals(List.of("step missing *", "play root"), press(flow, "*"));
    }

    // ---- MESSAGE, HANGUP ---------------------------------------------------------------------------

    @Test
    void messageReturnsToItsMenuWhenFinished() {
        CallFlow flow = started();
        assertEquals(List.of("step root 4", "play note"), press(flow, "4"));
        actions.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), actions.take(), "no timeout during a message");
        assertEquals(List.of("play root"), finish(flow));
        assertEquals(List.of("play system.not-understood,root"), silence(flow), "the menu listens again");
    }

    @Test
    void anyKeyDuringAMessageSkipsBackToItsMenuAndZeroReplaysIt() {
        CallFlow flow = started();
        press(flow, "4");
        assertEquals(List.of("step note 0", "play note"), press(flow, "0"));
        assertEquals(List.of("play root"), press(flow, "5"));
    }

    @Test
    void hangupNodePlaysItsPromptThenHangsUp() {
        CallFlow flow = started();
        press(flow, "1");
        assertEquals(List.of("step info 2", "play info.bye"), press(flow, "2"));
        assertEquals(List.of(), press(flow, "*0"));
        assertEquals(List.of("hangUp COMPLETED"), finish(flow));
        assertTrue(flow.isEnded());
    }

    // ---- SERVICE -----------------------------------------------------------------------------------

    @Test
    void unregisteredServicePlaysItsOwnPromptAndReturnsToItsMenu() {
        CallFlow flow = started();
        assertEquals(List.of("step root 3", "play missing"), press(flow, "3"));
        assertEquals(List.of("play root"), finish(flow));
    }

    @Test
    void registeredServiceCollectsDigitsAndReturnsToTheMenu() {
        CallFlow flow = started(echoService());
        assertEquals(List.of("step root 2", "play echo.ask"), press(flow, "2"));
        assertEquals(List.of("stop"), press(flow, "1"), "the first key interrupts the question");
        assertEquals(List.of(), press(flow, "23"));
        assertEquals(List.of("step echo len3", "play echo.said,digit.1,digit.2,digit.3"), press(flow, "#"));
        assertEquals(List.of("play root"), finish(flow));
        assertEquals(Optional.of("root"), flow.currentNodeKey());
    }

    @Test
    void serviceContextDescribesTheCall() {
        CallFlow flow = started(ctx -> {
            context.set(ctx);
            ctx.play(List.of("echo.hello"), () -> { });
        });
        actions.advance(Duration.ofSeconds(7));
        press(flow, "2");
        ServiceContext ctx = context.get();
        assertEquals("echo", ctx.node().key());
        assertEquals(Optional.of("0901234567"), ctx.callerNumber());
        assertEquals(FakeClock.START.plusSeconds(7), ctx.now());
        assertTrue(ctx.isActive());
        assertEquals(IvrSettings.defaults().digits(1, 3), ctx.digits(1, 3));
    }

    @Test
    void serviceQuestionIsRetriedOnSilenceAndTooFewDigitsThenGoodbye() {
        CallFlow flow = started(echoService());
        press(flow, "2");
        assertEquals(List.of("play system.not-understood,echo.ask"), silence(flow));
        flow.onPromptFinished();
        press(flow, "1");
        actions.advance(Duration.ofSeconds(3));
        assertEquals(List.of("play system.not-understood,echo.ask"), actions.take(), "one digit of at least two");
        assertEquals(List.of("stop", "play system.not-understood,echo.ask"), press(flow, "1#"));
        assertEquals(List.of("play system.goodbye"), silence(flow));
        assertEquals(List.of("hangUp NO_VALID_INPUT"), finish(flow));
    }

    @Test
    void serviceRetryExplainsAndAsksAgainThenSaysGoodbye() {
        CallFlow flow = started(ctx -> ctx.collect(List.of("code.ask"), ctx.digits(4, 4), code -> {
            if (!code.equals("1234")) {
                ctx.retry(List.of("code.unknown"));
            } else {
                ctx.hangUp(List.of(SystemPrompt.THANKS.key()));
            }
        }));
        press(flow, "2");
        for (int retry = 1; retry <= 3; retry++) {
            assertEquals(List.of("stop", "play code.unknown,code.ask"), press(flow, "9999"));
        }
        assertEquals(List.of("stop", "play code.unknown,system.goodbye"), press(flow, "9999"));
        assertEquals(List.of("hangUp NO_VALID_INPUT"), finish(flow));
    }

    @Test
    void serviceRetryWithoutExplanationSaysNotUnderstood() {
        CallFlow flow = started(ctx -> ctx.collect(List.of("code.ask"), ctx.digits(1, 1), code -> ctx.retry(List.of())));
        press(flow, "2");
        assertEquals(List.of("play system.not-understood,code.ask"), press(flow, "5"));
    }

    @Test
    void eachNewQuestionHasItsOwnRetries() {
        CallFlow flow = started(ctx -> ctx.collect(List.of("q1"), ctx.digits(1, 1),
                first -> ctx.collect(List.of("q2"), ctx.digits(1, 1), second -> ctx.returnToMenu())));
        press(flow, "2");
        silence(flow);
        silence(flow);
        silence(flow);
        assertEquals(List.of("play q2"), press(flow, "1"));
        assertEquals(List.of("play system.not-understood,q2"), silence(flow));
    }

    @Test
    void serviceThatEndsTheCallSaysItsLastWordsFirst() {
        CallFlow flow = started(ctx -> ctx.collect(List.of("rate.ask"), ctx.digits(1, 1), score -> {
            ctx.recordStep(score);
            ctx.hangUp(List.of(SystemPrompt.THANKS.key()));
        }));
        press(flow, "2");
        assertEquals(List.of("step echo 5", "play system.thanks"), press(flow, "5"));
        assertEquals(List.of(), press(flow, "1"));
        assertEquals(List.of("hangUp COMPLETED"), finish(flow));
    }

    @Test
    void serviceHangUpWithoutWordsHangsUpAtOnce() {
        CallFlow flow = started(ctx -> ctx.hangUp(List.of()));
        assertEquals(List.of("step root 2", "hangUp COMPLETED"), press(flow, "2"));
        assertTrue(flow.isEnded());
    }

    @Test
    void keyDuringAServiceAnnouncementSkipsIt() {
        List<String> done = new ArrayList<>();
        CallFlow flow = started(ctx -> ctx.play(List.of("hours.read"), () -> done.add("next")));
        press(flow, "2");
        assertEquals(List.of("stop"), press(flow, "5"));
        assertEquals(List.of("next"), done);
        assertEquals(List.of(), press(flow, "5"), "nothing is playing and nobody is asking");
        flow.onPromptFinished();
        assertEquals(List.of("next"), done, "onFinished runs once");
    }

    @Test
    void serviceThatPlaysNothingAtOnceStopsTheMenuPrompt() {
        CompletableFuture<String> lookup = new CompletableFuture<>();
        CallFlow flow = started(ctx -> ctx.await(lookup, status -> ctx.play(List.of("status." + status),
                ctx::returnToMenu), error -> ctx.returnToMenu()));
        assertEquals(List.of("step root 2", "stop"), press(flow, "2"),
                "the root greeting must not keep playing while the lookup runs");
        lookup.complete("received");
        assertEquals(List.of(), actions.take(), "results wait for the hop to the event loop");
        actions.runExecuted();
        assertEquals(List.of("play status.received"), actions.take());
        assertEquals(List.of("play root"), finish(flow));
    }

    @Test
    void awaitCompletedOnAnotherThreadComesBackThroughExecute() throws Exception {
        CompletableFuture<String> lookup = new CompletableFuture<>();
        CallFlow flow = started(ctx -> ctx.await(lookup, status -> ctx.play(List.of("status." + status),
                ctx::returnToMenu), error -> ctx.returnToMenu()));
        press(flow, "2");
        Thread database = new Thread(() -> lookup.complete("completed"));
        database.start();
        database.join();
        assertEquals(List.of(), actions.take());
        actions.runExecuted();
        assertEquals(List.of("play status.completed"), actions.take());
    }

    @Test
    void awaitFailureIsUnwrapped() {
        CompletableFuture<String> lookup = new CompletableFuture<>();
        List<Throwable> failures = new ArrayList<>();
        CallFlow flow = started(ctx -> ctx.await(lookup.thenApply(String::trim), status -> { }, error -> {
            failures.add(error);
            ctx.play(List.of("dossier.unavailable"), ctx::returnToMenu);
        }));
        assertEquals(List.of("step root 2", "stop"), press(flow, "2"));
        lookup.completeExceptionally(new IllegalStateException("database down"));
        actions.runExecuted();
        assertEquals(List.of("play dossier.unavailable"), actions.take());
        assertEquals("database down", failures.get(0).getMessage());
    }

    @Test
    void lateLookupResultIsDroppedAfterTheCallerWentBack() {
        CompletableFuture<String> lookup = new CompletableFuture<>();
        List<String> results = new ArrayList<>();
        CallFlow flow = started(ctx -> ctx.await(lookup, results::add, error -> { }));
        press(flow, "2*");
        lookup.complete("late");
        actions.runExecuted();
        assertEquals(List.of(), results);
        assertEquals(List.of(), actions.take());
    }

    @Test
    void serviceThatThrowsOnStartSendsTheCallerBackWithAnApology() {
        CallFlow flow = started(ctx -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(List.of("step root 2", "failure echo boom", "play system.service-unavailable,root"),
                press(flow, "2"));
        assertEquals(Optional.of("root"), flow.currentNodeKey());
    }

    @Test
    void serviceThatThrowsOnAnAnswerSendsTheCallerBack() {
        CallFlow flow = started(ctx -> ctx.collect(List.of("q"), ctx.digits(1, 1), answer -> {
            throw new IllegalArgumentException("bad " + answer);
        }));
        press(flow, "2");
        assertEquals(List.of("failure echo bad 4", "play system.service-unavailable,root"), press(flow, "4"));
    }

    @Test
    void retryBeforeAnyQuestionIsAProgrammingError() {
        CallFlow flow = started(ctx -> ctx.retry(List.of()));
        List<String> log = press(flow, "2");
        assertEquals("failure echo retry() needs a question: call collect() first", log.get(1));
        assertEquals(1, actions.serviceFailures.size());
    }

    // ---- recording ---------------------------------------------------------------------------------

    @Test
    void everyMenuChoiceIsRecordedWithTheClocksTime() {
        CallFlow flow = started();
        actions.advance(Duration.ofSeconds(2));
        press(flow, "1");
        actions.advance(Duration.ofSeconds(3));
        press(flow, "0");
        actions.advance(Duration.ofSeconds(1));
        press(flow, "*");
        actions.advance(Duration.ofSeconds(1));
        press(flow, "9");
        assertEquals(List.of(FakeClock.START.plusSeconds(2), FakeClock.START.plusSeconds(5),
                FakeClock.START.plusSeconds(6)), actions.stepTimes, "the unknown 9 is not a choice");
    }

    // ---- end of call, misuse -----------------------------------------------------------------------

    @Test
    void everythingAfterHangupIsIgnored() {
        CallFlow flow = started(echoService());
        press(flow, "2");
        press(flow, "1");
        flow.onHangup();
        assertTrue(flow.isEnded());
        assertEquals(Optional.empty(), flow.currentNodeKey());
        assertEquals(0, actions.timer.pending(), "every timer is cancelled");
        press(flow, "23#*0");
        flow.onPromptFinished();
        actions.advance(Duration.ofMinutes(5));
        flow.start();
        flow.onHangup();
        assertEquals(List.of(), actions.take());
        assertFalse(context.get().isActive());
    }

    @Test
    void hangupDuringGoodbyeSendsNoSecondBye() {
        CallFlow flow = started();
        assertEquals("play system.goodbye", press(flow, "7777").get(3));
        flow.onHangup();
        flow.onPromptFinished();
        assertEquals(List.of(), actions.take());
    }

    @Test
    void keysBeforeTheStartAreIgnored() {
        CallFlow flow = flow(null);
        flow.onDigit('1');
        assertEquals(List.of(), actions.take());
        assertEquals(Optional.empty(), flow.currentNodeKey());
    }

    @Test
    void misuseFailsFast() {
        CallFlow flow = started();
        assertThrows(IllegalStateException.class, flow::start);
        assertThrows(IllegalArgumentException.class, () -> flow.onDigit('x'));
        assertThrows(NullPointerException.class,
                () -> new CallFlow(null, Map.of(), actions, actions.clock, IvrSettings.defaults(), null));
        assertThrows(NullPointerException.class,
                () -> new CallFlow(TREE, Map.of(), null, actions.clock, IvrSettings.defaults(), null));
    }

    @Test
    void serviceArgumentsAreChecked() {
        started(ctx -> context.set(ctx)).onDigit('2');
        ServiceContext ctx = context.get();
        assertThrows(IllegalArgumentException.class, () -> ctx.play(List.of(), () -> { }));
        assertThrows(IllegalArgumentException.class, () -> ctx.collect(List.of(), ctx.digits(1, 1), d -> { }));
        assertThrows(NullPointerException.class, () -> ctx.collect(List.of("q"), null, d -> { }));
    }
}
