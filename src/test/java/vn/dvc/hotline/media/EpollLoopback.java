package vn.dvc.hotline.media;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One epoll event loop with datagram channels on it and plain sockets to talk to them, all on loopback: the
 * fixture of the tests of {@link BatchReceiver} and {@link BatchSender}, which must run on the channel's loop.
 * Closing it releases what was handed to {@link #releaseOnClose} (on the loop), closes every channel and socket it
 * made and stops the loop.
 */
final class EpollLoopback implements AutoCloseable {

    private final EventLoopGroup loop = new EpollEventLoopGroup(1);
    private final List<Channel> channels = new ArrayList<>();
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final List<Runnable> releases = new ArrayList<>();

    /** An epoll datagram channel bound to {@code address} on an ephemeral port, reading only when asked. */
    Channel bind(InternetProtocolFamily family, String address) throws Exception {
        EpollDatagramChannel channel = new EpollDatagramChannel(family);
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter());
        loop.register(channel).sync();
        channels.add(channel);
        channel.bind(new InetSocketAddress(address, 0)).sync();
        return channel;
    }

    /** A plain socket bound to {@code address} on an ephemeral port; a receive waits at most 5 s. */
    DatagramSocket socket(String address) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        socket.setSoTimeout(5_000);
        sockets.add(socket);
        return socket;
    }

    /** {@code release} runs on the loop when this closes, before the channels close (a sender, a receiver). */
    void releaseOnClose(Runnable release) {
        releases.add(release);
    }

    /** Runs {@code action} on the loop; what it throws is thrown here. */
    <T> T on(Callable<T> action) throws Exception {
        try {
            return loop.next().submit(action).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    /** {@code length} bytes counting up from {@code first}: content whose every byte says where it came from. */
    static byte[] bytes(int length, int first) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    @Override
    public void close() throws Exception {
        for (Runnable release : releases) {
            on(() -> {
                release.run();
                return null;
            });
        }
        channels.forEach(Channel::close);
        sockets.forEach(DatagramSocket::close);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
