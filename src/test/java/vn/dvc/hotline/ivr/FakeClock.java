package vn.dvc.hotline.ivr;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test says so. Single-threaded, like the event loop it stands for. */
final class FakeClock extends Clock {

    static final Instant START = Instant.parse("2025-01-15T02:00:00Z");

    private Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fake clock is always UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time does not go backwards: " + instant + " < " + now);
        }
        now = instant;
    }
}
