package vn.dvc.hotline.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@link IvrActions} that writes every command into a log a test can compare, e.g.
 * {@code ["play root", "step root 1", "play info", "stop", "hangUp COMPLETED"]}. Timers go to a
 * {@link FakeTimer}; {@link #execute} queues tasks until {@link #runExecuted()}, as a hop to the event
 * loop would.
 */
final class RecordingActions implements IvrActions {

    final FakeClock clock = new FakeClock();
    final FakeTimer timer = new FakeTimer(clock);
    final List<Instant> stepTimes = new ArrayList<>();
    final List<Throwable> serviceFailures = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Deque<Runnable> executed = new ArrayDeque<>();

    @Override
    public void play(List<String> promptKeys) {
        log.add("play " + String.join(",", promptKeys));
    }

    @Override
    public void stopPlayback() {
        log.add("stop");
    }

    @Override
    public void hangUp(EndReason reason) {
        log.add("hangUp " + reason);
    }

    @Override
    public void recordStep(String nodeKey, String digits, Instant at) {
        log.add("step " + nodeKey + " " + digits);
        stepTimes.add(at);
    }

    @Override
    public void recordProcedure(String procedureCode, Instant at) {
        log.add("procedure " + procedureCode);
    }

    @Override
    public void recordLookup(String dossierCode, LookupOutcome outcome, Instant at) {
        log.add("lookup " + dossierCode + " " + outcome);
    }

    @Override
    public void recordRating(int score, Instant at) {
        log.add("rating " + score);
    }

    @Override
    public void execute(Runnable task) {
        synchronized (executed) {
            executed.add(task);
        }
    }

    @Override
    public void reportServiceFailure(String nodeKey, Throwable error) {
        log.add("failure " + nodeKey + " " + error.getMessage());
        serviceFailures.add(error);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return timer.schedule(delay, task);
    }

    /** Runs the tasks handed to {@link #execute}, as the event loop would. */
    void runExecuted() {
        while (true) {
            Runnable task;
            synchronized (executed) {
                task = executed.poll();
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }

    void advance(Duration by) {
        timer.advance(by);
    }

    /** @return the commands since the last call, and forgets them */
    List<String> take() {
        List<String> taken = List.copyOf(log);
        log.clear();
        return taken;
    }
}
