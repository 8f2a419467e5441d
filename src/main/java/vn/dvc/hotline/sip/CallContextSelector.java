package vn.dvc.hotline.sip;

import io.vertx.core.Context;

/**
 * Chooses the Vert.x event-loop context a call lives on. Implemented by the call orchestration (so
 * that media, IVR and SIP of a call share one loop); {@link EventLoopContextSelector} is the default.
 *
 * <p>Called on JAIN-SIP threads for every SIP event, so it must be fast, lock-free and
 * <em>deterministic</em>: the same Call-ID must always give the same context, which is how every
 * event of a call reaches the same loop without a shared lookup.
 */
@FunctionalInterface
public interface CallContextSelector {

    /**
     * @param callId the SIP Call-ID
     * @return an event-loop context; the same one for the same Call-ID
     */
    Context contextFor(String callId);
}
