package vn.dvc.hotline.media;

/** Every {@link RtpSessionTest} again, with the calls on their event loop's shared socket. */
class RtpSessionSharedSocketTest extends RtpSessionTest {

    @Override
    RtpConfig.SocketLayout layout() {
        return RtpConfig.SocketLayout.PER_EVENT_LOOP;
    }
}
