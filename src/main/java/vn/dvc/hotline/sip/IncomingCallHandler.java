package vn.dvc.hotline.sip;

/**
 * Receives admitted calls. Implemented by the call orchestration as a CDI bean.
 *
 * <p>Called on the call's event-loop context ({@link SipCall#context()}) after admission, after
 * 100 Trying was sent and after the offer (if any) was found acceptable. The handler must eventually
 * call {@link SipCall#answer(int)} or {@link SipCall#reject(int)} on that same context — possibly
 * later, e.g. once an RTP socket is bound. It must not block.
 */
@FunctionalInterface
public interface IncomingCallHandler {

    /**
     * A new call.
     *
     * @param call the call; set its listener before answering to see every event
     */
    void onIncomingCall(SipCall call);
}
