package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DigitCollectorTest {

    private final FakeClock clock = new FakeClock();
    private final FakeTimer timer = new FakeTimer(clock);
    private final List<DigitResult> results = new ArrayList<>();

    private DigitCollector collector(DigitRules rules) {
        return new DigitCollector(rules, timer, results::add);
    }

    private static DigitResult complete(String digits) {
        return new DigitResult(DigitResult.Outcome.COMPLETE, digits);
    }

    private static DigitResult incomplete(String digits) {
        return new DigitResult(DigitResult.Outcome.INCOMPLETE, digits);
    }

    private static final DigitResult TIMEOUT = new DigitResult(DigitResult.Outcome.TIMEOUT, "");

    @Test
    void singleKeyCompletesAtOnce() {
        DigitCollector collector = collector(DigitRules.singleKey());
        collector.promptFinished();
        collector.onKey('7');
        assertEquals(List.of(complete("7")), results);
        assertEquals(0, timer.pending(), "no timer may outlive the result");
        assertTrue(collector.isFinished());
    }

    @Test
    void maxDigitsCompletesWithoutTerminator() {
        DigitCollector collector = collector(DigitRules.digits(2, 4).terminatedBy('#'));
        for (char key : "1234".toCharArray()) {
            collector.onKey(key);
        }
        assertEquals(List.of(complete("1234")), results);
        assertEquals(0, timer.pending());
    }

    @Test
    void terminatorCompletesOnceMinimumIsReachedAndIsNotCollected() {
        DigitCollector collector = collector(DigitRules.digits(2, 10).terminatedBy('#'));
        collector.onKey('4');
        collector.onKey('2');
        collector.onKey('#');
        assertEquals(List.of(complete("42")), results);
        assertEquals(0, timer.pending());
    }

    @Test
    void terminatorBeforeMinimumIsIncomplete() {
        DigitCollector collector = collector(DigitRules.digits(4, 4).terminatedBy('#'));
        collector.onKey('1');
        collector.onKey('#');
        assertEquals(List.of(incomplete("1")), results);
    }

    @Test
    void terminatorAloneIsIncompleteWithNoDigits() {
        DigitCollector collector = collector(DigitRules.digits(1, 4).terminatedBy('#'));
        collector.onKey('#');
        assertEquals(List.of(incomplete("")), results);
    }

    @Test
    void hashIsAnOrdinaryKeyWithoutTerminator() {
        DigitCollector collector = collector(DigitRules.singleKey());
        collector.onKey('#');
        assertEquals(List.of(complete("#")), results);
    }

    @Test
    void firstDigitTimerStartsOnlyWhenThePromptHasFinished() {
        collector(DigitRules.singleKey());
        timer.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), results, "a long prompt must not time out the caller");
    }

    @Test
    void firstDigitTimeoutIsFiveSecondsByDefault() {
        DigitCollector collector = collector(DigitRules.singleKey());
        collector.promptFinished();
        timer.advance(Duration.ofMillis(4_999));
        assertEquals(List.of(), results);
        timer.advance(Duration.ofMillis(1));
        assertEquals(List.of(TIMEOUT), results);
        assertEquals(FakeClock.START.plusSeconds(5), clock.instant());
    }

    @Test
    void promptFinishedTwiceDoesNotRestartTheTimer() {
        DigitCollector collector = collector(DigitRules.singleKey());
        collector.promptFinished();
        timer.advance(Duration.ofSeconds(4));
        collector.promptFinished();
        timer.advance(Duration.ofSeconds(1));
        assertEquals(List.of(TIMEOUT), results);
    }

    @Test
    void interDigitTimeoutAfterMinimumCompletes() {
        DigitCollector collector = collector(DigitRules.digits(2, 8).terminatedBy('#'));
        collector.promptFinished();
        collector.onKey('1');
        collector.onKey('2');
        timer.advance(Duration.ofMillis(2_999));
        assertEquals(List.of(), results);
        timer.advance(Duration.ofMillis(1));
        assertEquals(List.of(complete("12")), results, "a caller who forgets # still gets an answer");
    }

    @Test
    void interDigitTimeoutBeforeMinimumIsIncomplete() {
        DigitCollector collector = collector(DigitRules.digits(4, 4));
        collector.promptFinished();
        collector.onKey('1');
        timer.advance(Duration.ofSeconds(3));
        assertEquals(List.of(incomplete("1")), results);
    }

    @Test
    void everyKeyRestartsTheInterDigitTimer() {
        DigitCollector collector = collector(DigitRules.digits(5, 5));
        collector.promptFinished();
        for (char key : "1234".toCharArray()) {
            collector.onKey(key);
            timer.advance(Duration.ofMillis(2_900));
        }
        assertEquals(List.of(), results);
        assertEquals(1, timer.pending(), "only the latest inter-digit timer is live");
        collector.onKey('5');
        assertEquals(List.of(complete("12345")), results);
    }

    @Test
    void firstDigitTimerIsReplacedByTheInterDigitTimer() {
        DigitCollector collector = collector(DigitRules.digits(2, 2));
        collector.promptFinished();
        timer.advance(Duration.ofSeconds(4));
        collector.onKey('1');
        timer.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), results, "the 5 s first-digit timer must have been cancelled");
        timer.advance(Duration.ofSeconds(1));
        assertEquals(List.of(incomplete("1")), results);
    }

    @Test
    void keyDuringThePromptCountsAndNoFirstDigitTimerFollows() {
        DigitCollector collector = collector(DigitRules.digits(3, 3));
        collector.onKey('9');
        collector.promptFinished();
        assertEquals(1, timer.pending(), "only the inter-digit timer");
        timer.advance(Duration.ofSeconds(3));
        assertEquals(List.of(incomplete("9")), results);
    }

    @Test
    void customTimeoutsAreUsed() {
        DigitCollector collector = collector(DigitRules.digits(1, 3)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(1)));
        collector.promptFinished();
        timer.advance(Duration.ofSeconds(9));
        collector.onKey('1');
        timer.advance(Duration.ofSeconds(1));
        assertEquals(List.of(complete("1")), results);
    }

    @Test
    void reportsExactlyOnceAndIgnoresLaterKeys() {
        DigitCollector collector = collector(DigitRules.singleKey());
        collector.onKey('1');
        collector.onKey('2');
        collector.promptFinished();
        timer.advance(Duration.ofMinutes(1));
        assertEquals(List.of(complete("1")), results);
    }

    @Test
    void cancelReportsNothingAndStopsTimers() {
        DigitCollector collector = collector(DigitRules.digits(1, 4));
        collector.promptFinished();
        collector.onKey('1');
        collector.cancel();
        assertEquals(0, timer.pending());
        timer.advance(Duration.ofMinutes(1));
        collector.onKey('2');
        assertEquals(List.of(), results);
        assertEquals("1", collector.digits());
    }

    @Test
    void rejectsKeysThatAreNotDtmf() {
        DigitCollector collector = collector(DigitRules.singleKey());
        assertThrows(IllegalArgumentException.class, () -> collector.onKey('x'));
        assertThrows(IllegalArgumentException.class, () -> collector.onKey('E'));
    }

    @Test
    void rulesRejectNonsense() {
        Duration five = Duration.ofSeconds(5);
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(3, 2));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, DigitRules.MAX_DIGITS_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, 2).terminatedBy('5'));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, 2).terminatedBy('*'));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, 2).terminatedBy('x'));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, 2).withTimeouts(Duration.ZERO, five));
        assertThrows(IllegalArgumentException.class, () -> DigitRules.digits(1, 2).withTimeouts(five, null));
        assertThrows(IllegalArgumentException.class, () -> new IvrSettings(-1, five, five));
        assertEquals(Character.valueOf('#'), DigitRules.digits(1, 2).terminatedBy('#').terminator());
    }

    @Test
    void constructorRequiresItsCollaborators() {
        assertThrows(NullPointerException.class, () -> new DigitCollector(null, timer, results::add));
        assertThrows(NullPointerException.class, () -> new DigitCollector(DigitRules.singleKey(), null, results::add));
        assertThrows(NullPointerException.class, () -> new DigitCollector(DigitRules.singleKey(), timer, null));
    }
}
