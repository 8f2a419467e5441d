package vn.dvc.hotline.sip;

import io.vertx.core.Context;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Request;

/**
 * Sends the service's own in-dialog requests (BYE) over TCP without blocking an event loop.
 *
 * <p>Why: for a request over TCP the RI picks or opens the connection inside
 * {@link SipProvider#getNewClientTransaction} and writes it inside {@link Dialog#sendRequest}, both on
 * the calling thread. When no connection to the peer's Contact is open yet, that is a blocking connect
 * (up to the RI's 10 s timeout towards a dead trunk) followed by a blocking socket write — not something
 * a call's event loop may do. Over UDP both are a non-blocking datagram send and stay on the loop.
 *
 * <p>Thread model: {@link #send} is called on the call's context with a request built there; the
 * transaction is created and sent on one of {@value #THREADS} daemon threads of this sender; the outcome
 * (failure only: the call has already ended when its BYE is sent) is reported back on the call's context.
 * The pool is bounded ({@value #QUEUE} waiting sends), so a dead trunk cannot grow memory without limit;
 * a send refused for a full queue is reported as a failure at once. {@link #close()} runs on the thread
 * that stops the endpoint.
 */
final class TcpRequestSender implements AutoCloseable {

    /** Enough that one unreachable trunk (each send waiting out a connect) does not hold up the others. */
    static final int THREADS = 4;
    static final int QUEUE = 10_000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SipProvider provider;
    private final ThreadPoolExecutor executor;

    TcpRequestSender(SipProvider provider) {
        this.provider = provider;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "sip-tcp-sender-" + pool + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true); // idle on a UDP-only deployment: no threads at all
    }

    /**
     * Creates the client transaction for {@code request} and sends it in {@code dialog}, off the loop.
     *
     * @param context the call's context, where {@code onFailure} runs
     * @param onFailure told if the request could not be sent (transaction, connection or write failed)
     */
    void send(Dialog dialog, Request request, Context context, Consumer<Exception> onFailure) {
        try {
            executor.execute(() -> {
                try {
                    ClientTransaction ct = provider.getNewClientTransaction(request);
                    dialog.sendRequest(ct);
                } catch (SipException | RuntimeException e) {
                    context.runOnContext(v -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            onFailure.accept(e);
        }
    }

    /** Lets queued sends finish for up to a second (BYEs of calls ended just before stopping), then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
