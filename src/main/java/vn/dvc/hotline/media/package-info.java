/**
 * Call media: the only package that opens RTP sockets.
 *
 * <h2>Contract for the call orchestration</h2>
 * <ul>
 *   <li>{@link vn.dvc.hotline.media.RtpSession#open RtpSession.open(vertx, ports, config)} on the call's
 *       event-loop context joins that loop's shared socket, or binds an even port of its own, from
 *       {@link vn.dvc.hotline.media.RtpPortPool} ({@code hotline.rtp.socket-layout}, see
 *       {@link vn.dvc.hotline.media.RtpConfig}); its
 *       {@link vn.dvc.hotline.media.RtpSession#localPort() localPort()} goes into the SDP answer.</li>
 *   <li>On ACK: {@code start(remote, law, telephoneEventPt)}; on re-INVITE: {@code update(...)} and
 *       {@code hold(true/false)}; prompts with {@code play(clips, onFinished)} /
 *       {@code stopPlayback()}; digits from {@code onDigit}; a dead caller from {@code onInactive} (hang up
 *       with BYE); at the end {@code close()}. Digits by SIP INFO come from the SIP layer instead
 *       ({@link vn.dvc.hotline.media.SipInfoDtmfParser}).</li>
 *   <li>Barge-in is the orchestration's decision: calling {@code play} or {@code stopPlayback} from the
 *       digit listener changes the very next frame sent.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A session lives on its call's event loop: socket handlers, listeners and every method run there. One
 * {@link vn.dvc.hotline.media.RtpPacer} per event loop sends the due frame of every session of that loop
 * on absolute 20 ms deadlines and flushes each socket once per tick; its lag feeds
 * {@link vn.dvc.hotline.media.PacerLoad}, which the SIP admission reads to refuse new calls while a loop
 * falls behind. Sockets are Netty channels on the loop ({@link vn.dvc.hotline.media.RtpSocket}), not
 * Vert.x datagram sockets, so that a packet costs no allocation on our side. The codecs ({@link vn.dvc.hotline.media.G711},
 * {@link vn.dvc.hotline.media.RtpPacket}, {@link vn.dvc.hotline.media.TelephoneEventDecoder},
 * {@link vn.dvc.hotline.media.GoertzelDtmfDetector}) are socket-free and allocate nothing per packet;
 * {@link vn.dvc.hotline.media.EncodedClip} is immutable and shared by all calls.
 */
package vn.dvc.hotline.media;
