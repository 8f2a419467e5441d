package vn.dvc.hotline.ivr;

/** A scheduled task that can still be called off. */
@FunctionalInterface
public interface Cancellable {

    /** Prevents the task from running if it has not run yet; does nothing otherwise. Idempotent. */
    void cancel();
}
