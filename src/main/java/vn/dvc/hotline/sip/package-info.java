/**
 * SIP signalling of the hotline: the only package that imports {@code javax.sip} (JAIN-SIP RI 1.3).
 *
 * <h2>Contract for the rest of the service</h2>
 * <ul>
 *   <li>{@link vn.dvc.hotline.sip.IncomingCallHandler} (a CDI bean of the call orchestration) receives
 *       each admitted call on the call's event-loop context and answers it with
 *       {@link vn.dvc.hotline.sip.SipCall#answer(int) answer(localRtpPort)} — at once or later, on that
 *       context — or refuses it with {@link vn.dvc.hotline.sip.SipCall#reject(int) reject(status)}.
 *       Without such a bean every call gets 480.</li>
 *   <li>{@link vn.dvc.hotline.sip.SipCall} is used only on {@link vn.dvc.hotline.sip.SipCall#context()};
 *       {@link vn.dvc.hotline.sip.SipCallListener} events arrive there: confirmed (ACK, with the remote
 *       media), media changed (re-INVITE: hold / unhold / new address or codec), DTMF by SIP INFO, and
 *       ended — exactly once, with an {@link vn.dvc.hotline.sip.EndReason}.</li>
 *   <li>{@link vn.dvc.hotline.sip.CallContextSelector} (optional bean) pins a Call-ID to a context; the
 *       default {@link vn.dvc.hotline.sip.EventLoopContextSelector} hashes over 2 × cores event loops.</li>
 *   <li>{@link vn.dvc.hotline.sip.SipEndpoint}: {@code isListening()} for readiness, {@code drain(true)}
 *       for shutdown (new INVITE and OPTIONS get 503 + Retry-After), {@code counters()} for metrics.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * JAIN-SIP threads run the admission valve and the listener; the listener takes a server transaction
 * (so the stack absorbs retransmissions) and hops to the call's context. Everything else about a call
 * runs there, without locks. Sending a response or a BYE is done on the context: over UDP that is a
 * non-blocking datagram send; over TCP a BYE towards a peer whose connection is gone makes the stack
 * connect, which can block the loop briefly (open item).
 *
 * <h2>Timers the layer enforces</h2>
 * No ACK for our 200 within {@code hotline.calls.ack-timeout} (also the longest the handler may take
 * to answer: then 480) → BYE; {@code hotline.calls.max-duration} after the answer → BYE. RTP inactivity
 * is media's to detect; it calls {@link vn.dvc.hotline.sip.SipCall#hangUp()}.
 *
 * <h2>Answers chosen where the RFCs leave a choice</h2>
 * <ul>
 *   <li>INFO (legacy DTMF usage, no Info-Package): {@code application/dtmf-relay} and
 *       {@code application/dtmf} with a valid digit → 200 and {@code onDtmf}; malformed body → 400;
 *       other Content-Type → 415 with Accept; an INFO without body → 200 (keep-alive probes).</li>
 *   <li>Methods: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO served; REGISTER, SUBSCRIBE, NOTIFY, PUBLISH,
 *       MESSAGE, REFER, PRACK, UPDATE → 405 with Allow; anything else → 501.</li>
 *   <li>New INVITE: Request-URI scheme other than sip/sips/tel → 416; Require → 420 with Unsupported;
 *       body not application/sdp → 415 with Accept; malformed SDP → 400; no PCMU/PCMA → 488 with
 *       Warning 304; Accept without application/sdp → 406; same Call-ID as a live call without a To
 *       tag → 482.</li>
 * </ul>
 */
package vn.dvc.hotline.sip;
