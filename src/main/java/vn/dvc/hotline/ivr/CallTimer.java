package vn.dvc.hotline.ivr;

import java.time.Duration;

/**
 * One-shot timers for one call.
 *
 * <p>Thread model: called on the call's event loop, and the task must run on that same event loop (in
 * production a Vert.x timer set from the call's context; in tests a fake timer driven by a fake clock).
 * Nothing in this package ever sleeps.
 */
@FunctionalInterface
public interface CallTimer {

    /**
     * @param delay how long from now, positive
     * @param task  what to run on the call's event loop when the delay has passed
     * @return a handle to call the task off
     */
    Cancellable schedule(Duration delay, Runnable task);
}
