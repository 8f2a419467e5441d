package vn.dvc.hotline.sip;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The orchestration, faked: answers each call on its context with a fixed RTP port (or does what the
 * test sets), and records every event as text, checking that each arrives on the call's context.
 *
 * <p>Callbacks run on event loops; the test thread reads the blocking queues.
 */
final class FakeCallHandler implements IncomingCallHandler {

    static final int RTP_PORT = 40_000;

    final BlockingQueue<SipCall> calls = new LinkedBlockingQueue<>();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final List<String> offContext = new CopyOnWriteArrayList<>();
    volatile Consumer<SipCall> decision = call -> call.answer(RTP_PORT);

    @Override
    public void onIncomingCall(SipCall call) {
        check("onIncomingCall", call);
        call.setListener(new SipCallListener() {
            @Override
            public void onConfirmed(SdpSession remoteMedia) {
                check("onConfirmed", call);
                events.add("confirmed " + remoteMedia.audioPort());
            }

            @Override
            public void onMediaChanged(SdpSession remoteMedia) {
                check("onMediaChanged", call);
                events.add("media " + (remoteMedia.isHold() ? "hold" : "active") + " "
                        + remoteMedia.direction().attribute());
            }

            @Override
            public void onDtmf(char digit) {
                check("onDtmf", call);
                events.add("dtmf " + digit);
            }

            @Override
            public void onEnded(EndReason reason) {
                check("onEnded", call);
                events.add("ended " + reason);
            }
        });
        calls.add(call);
        decision.accept(call);
    }

    private void check(String what, SipCall call) {
        if (Vertx.currentContext() != call.context()) {
            offContext.add(what + " of " + call.callId() + " ran on " + Thread.currentThread().getName());
        }
    }

    /** The next event, or an assertion error after {@code wait}. */
    String nextEvent(Duration wait) throws InterruptedException {
        String e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no call event within " + wait);
        }
        return e;
    }

    SipCall nextCall() throws InterruptedException {
        SipCall c = calls.poll(TestUserAgent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no call reached the handler within " + TestUserAgent.WAIT);
        }
        return c;
    }
}
