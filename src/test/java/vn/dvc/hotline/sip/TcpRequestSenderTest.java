package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP sender without sockets: stand-in provider and dialog record which thread the stack is called
 * on; the transaction and the send must both happen off the call's event loop, and a failure must come
 * back on the call's context.
 */
class TcpRequestSenderTest {

    private Vertx vertx;
    private Context context;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsOffTheEventLoop() throws Exception {
        CompletableFuture<String> transactionThread = new CompletableFuture<>();
        CompletableFuture<String> sendThread = new CompletableFuture<>();
        ClientTransaction ct = stub(ClientTransaction.class, null);
        SipProvider provider = stub(SipProvider.class, (name, args) -> {
            if (name.equals("getNewClientTransaction")) {
                transactionThread.complete(Thread.currentThread().getName());
                return ct;
            }
            return null;
        });
        Dialog dialog = stub(Dialog.class, (name, args) -> {
            if (name.equals("sendRequest")) {
                assertSame(ct, args[0]);
                sendThread.complete(Thread.currentThread().getName());
            }
            return null;
        });
        TcpRequestSender sender = new TcpRequestSender(provider);
        CompletableFuture<String> loop = new CompletableFuture<>();
        context.runOnContext(v -> {
            loop.complete(Thread.currentThread().getName());
            sender.send(dialog, stub(Request.class, null), context, e -> { });
        });
        String loopThread = loop.get(5, TimeUnit.SECONDS);
        assertTrue(transactionThread.get(5, TimeUnit.SECONDS).startsWith("sip-tcp-sender-"));
        assertTrue(sendThread.get(5, TimeUnit.SECONDS).startsWith("sip-tcp-sender-"));
        assertNotEquals(loopThread, sendThread.get());
        sender.close();
    }

    @Test
    void aFailureComesBackOnTheCallsContext() throws Exception {
        SipProvider provider = stub(SipProvider.class, (name, args) -> {
            throw new TransactionUnavailableException("connection refused");
        });
        TcpRequestSender sender = new TcpRequestSender(provider);
        CompletableFuture<Context> reportedOn = new CompletableFuture<>();
        CompletableFuture<Exception> failure = new CompletableFuture<>();
        context.runOnContext(v -> sender.send(stub(Dialog.class, null), stub(Request.class, null), context, e -> {
            failure.complete(e);
            reportedOn.complete(Vertx.currentContext());
        }));
        assertSame(context, reportedOn.get(5, TimeUnit.SECONDS));
        assertEquals("connection refused", failure.get().getMessage());
        sender.close();
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T stub(Class<T> type, Answer answer) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName() + " stub";
                };
            }
            return answer == null ? null : answer.answer(m.getName(), args);
        });
        assertNotNull(proxy);
        return type.cast(proxy);
    }
}
