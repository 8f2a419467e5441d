package vn.dvc.hotline.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link CallTimer} on a {@link FakeClock}: tasks run, in due order, only inside {@link #advance}.
 * Single-threaded, like the event loop it stands for.
 */
final class FakeTimer implements CallTimer {

    private final FakeClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;

    FakeTimer(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("delay must be positive: " + delay);
        }
        Task scheduled = new Task(clock.instant().plus(delay), sequence++, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    /** Moves time forward, running every task that falls due on the way at its own due time. */
    void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(target)) {
            Task next = tasks.poll();
            clock.set(next.due);
            next.action.run();
        }
        clock.set(target);
    }

    /** @return how many tasks are scheduled and not cancelled */
    int pending() {
        return tasks.size();
    }

    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long order;
        final Runnable action;

        Task(Instant due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
