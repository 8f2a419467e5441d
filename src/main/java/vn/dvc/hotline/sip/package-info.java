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
 *       default {@link vn.dvc.hotline.sip.EventLoopContextSelector} hashes over every event loop (two per
 *       core unless configured: {@code ops.EventLoopPoolDefault}).</li>
 *   <li>{@link vn.dvc.hotline.sip.SipEndpoint}: {@code isListening()} for readiness, {@code drain(true)}
 *       for shutdown (new INVITE and OPTIONS get 503 + Retry-After), {@code counters()} for metrics.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * JAIN-SIP threads run the parser (with the {@link vn.dvc.hotline.sip.StrictRequestCheck}), the
 * admission valve and the listener; the listener takes a server transaction
 * (so the stack absorbs retransmissions) and hops to the call's context. Everything else about a call
 * runs there, without locks. Responses are sent on the context: over UDP a non-blocking datagram send,
 * over TCP a write on the connection the request came in on. Our own requests (BYE) are built on the
 * context; when their next hop is UDP they are sent there too, but over TCP the stack opens the
 * connection to the peer's Contact and writes on the calling thread (a blocking connect of up to 10 s
 * towards a dead trunk), so a small {@link vn.dvc.hotline.sip.TcpRequestSender} pool sends them and
 * reports a failure back on the call's context. The call ends on its context when the BYE is handed
 * over, not when it is answered.
 *
 * <h2>TCP</h2>
 * The stack's blocking TCP implementation is used by default ({@code hotline.sip.stack.nio-tcp=false}):
 * the RI's NIO one (1.3.0-91) can drop the first message written on a connection it opens itself, which
 * lost our BYEs to trunks over TCP now and then. A BYE goes to the trunk's Contact (its listening
 * port), as the dialog's remote target says; the connection the INVITE came in on is not reused.
 *
 * <h2>Timers the layer enforces</h2>
 * No ACK for our 200 within {@code hotline.calls.ack-timeout} (also the longest the handler may take
 * to answer: then 480) → BYE; {@code hotline.calls.max-duration} after the answer → BYE. RTP inactivity
 * is media's to detect; it calls {@link vn.dvc.hotline.sip.SipCall#hangUp()}.
 *
 * <h2>Answers chosen where the RFCs leave a choice</h2>
 * <ul>
 *   <li>Grammar faults the RI parser repairs (RFC 4475): another SIP-Version → 505; stray whitespace in
 *       the Request-Line, a repeated single-valued header, an unquoted To/From display name with an ASCII
 *       separator → 400; all stateless from the admission valve, after the allow-list and rate limit,
 *       found on the raw bytes by {@link vn.dvc.hotline.sip.StrictRequestCheck}. Unquoted UTF-8 display
 *       names pass.</li>
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
