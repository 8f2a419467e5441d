package vn.dvc.hotline.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The SIP endpoint: owns the JAIN-SIP stack, its listening points and the admission policy.
 *
 * <p>Started on {@link StartupEvent}, stopped on {@link ShutdownEvent}; tests construct it directly with
 * {@link #SipEndpoint(EndpointSettings, Vertx, CallContextSelector, IncomingCallHandler)}.
 *
 * <p>Thread model: {@link #start()} and {@link #stop()} run on the main or a test thread (they block
 * briefly: the stack binds sockets and sleeps 100 ms in its constructor), never on an event loop.
 * {@link #isListening()}, {@link #drain(boolean)} and {@link #counters()} are safe on any thread.
 * Calls run on the contexts chosen by the {@link CallContextSelector}; see {@link SipSignalling}.
 */
@ApplicationScoped
public class SipEndpoint {

    private static final Logger LOG = Logger.getLogger(SipEndpoint.class.getName());
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** Product token without a version, for Server and User-Agent (do not advertise what to attack). */
    static final String PRODUCT = "dvc-hotline";

    private final EndpointSettings settings;
    private final Vertx vertx;
    private final SipCounters counters = new SipCounters();
    private final ConcurrentHashMap<String, SipCallImpl> calls = new ConcurrentHashMap<>();
    private final Admission admission;
    private CallContextSelector selector;
    private IncomingCallHandler handler;
    private Instance<CallContextSelector> selectorBeans;
    private Instance<IncomingCallHandler> handlerBeans;

    private SipStack stack;
    private SipSignalling signalling;
    private String stackName;
    private final List<ListeningPoint> listeningPoints = new ArrayList<>();
    private volatile boolean listening;
    /** Our UDP readers of the running stack, for the drop count; kept after a stop, so the count stays. */
    private volatile List<ReusedBufferUdpProcessor> udpReaders = List.of();

    /** CDI constructor: validates the configuration at once, so a bad key fails the startup. */
    @Inject
    public SipEndpoint(SipConfig sip, TrunkConfig trunks, CallLimitsConfig calls, Vertx vertx,
            Instance<CallContextSelector> selectors, Instance<IncomingCallHandler> handlers) {
        this(EndpointSettings.from(sip, trunks, calls), vertx, null, null);
        this.selectorBeans = selectors;
        this.handlerBeans = handlers;
    }

    /**
     * Direct constructor, for tests and embedding.
     *
     * @param settings checked settings
     * @param vertx the Vert.x instance whose event loops run the calls
     * @param selector chooses each call's context; null: {@link EventLoopContextSelector} over every
     *     event loop of {@code vertx}
     * @param handler receives admitted calls; null: every call is refused with 480
     */
    public SipEndpoint(EndpointSettings settings, Vertx vertx, CallContextSelector selector,
            IncomingCallHandler handler) {
        this.settings = settings;
        this.vertx = vertx;
        this.selector = selector;
        this.handler = handler;
        this.admission = new Admission(settings, counters, calls);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Creates the stack, binds the listening points and starts taking calls.
     *
     * @throws IllegalStateException if the stack cannot be created or a port cannot be bound
     */
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        resolveCollaborators();
        stackName = "dvc-hotline-sip-" + STACKS.incrementAndGet();
        // The RI's static loggers fall back to log4j 1.x (absent) until a stack sets its logger; set
        // ours first so nothing logged during construction reaches for log4j.
        CommonLogger.legacyLogger = new JulStackLogger();
        AdmissionValve.bind(stackName, admission);
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(stackProperties());
            MessageFactory messages = factory.createMessageFactory();
            HeaderFactory headers = factory.createHeaderFactory();
            AddressFactory addresses = factory.createAddressFactory();
            List<String> product = List.of(PRODUCT);
            // static in the RI: every response the stack builds, including its own 400s, carries it
            ((MessageFactoryImpl) messages).setDefaultServerHeader(headers.createServerHeader(product));
            ((MessageFactoryImpl) messages).setDefaultUserAgentHeader(headers.createUserAgentHeader(product));

            SipProvider provider = null;
            for (String transport : settings.transports()) {
                ListeningPoint lp = stack.createListeningPoint(settings.host(), settings.port(), transport);
                lp.setSentBy(hostPort(settings.publicAddress(), settings.port()));
                listeningPoints.add(lp);
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            signalling = new SipSignalling(settings, vertx, provider, messages, headers, addresses,
                    selector, handler, counters, calls);
            provider.addSipListener(signalling);
            stack.start();
            udpReaders = listeningPoints.stream()
                    .map(lp -> ((ListeningPointImpl) lp).getMessageProcessor())
                    .filter(ReusedBufferUdpProcessor.class::isInstance)
                    .map(ReusedBufferUdpProcessor.class::cast)
                    .toList();
            listening = true;
            if (settings.transports().contains("udp")) {
                ReusedBufferUdpProcessor.unavailableReason().ifPresent(why -> LOG.warning(
                        "SIP over UDP is read by JAIN-SIP's own listener, a 64 KiB array per datagram: " + why));
            }
            LOG.info("SIP listening on " + settings.host() + ":" + settings.port() + " " + settings.transports()
                    + ", public address " + settings.publicAddress() + ", at most " + settings.maxConcurrent()
                    + " calls");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Cannot start SIP on " + settings.host() + ":" + settings.port()
                    + " (hotline.sip.host / hotline.sip.port): " + e.getMessage(), e);
        }
    }

    private void resolveCollaborators() {
        if (handler == null && handlerBeans != null && handlerBeans.isResolvable()) {
            handler = handlerBeans.get();
        }
        if (handler == null) {
            LOG.warning("No IncomingCallHandler bean: every call will be refused with 480");
            handler = call -> call.reject(480);
        }
        if (selector == null && selectorBeans != null && selectorBeans.isResolvable()) {
            selector = selectorBeans.get();
        }
        if (selector == null) {
            selector = EventLoopContextSelector.onEveryLoop(vertx);
        }
    }

    private Properties stackProperties() {
        SipConfig.Stack tuning = settings.stack();
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", AdmissionValve.class.getName());
        // marks what the lenient parser repairs (RFC 4475); the valve answers it 400 or 505
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParserFactory.class.getName());
        // the stack creates dialogs for INVITEs and answers stray in-dialog requests (481) itself
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        // the listener only hops, so several stack threads may call it at once
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // A dialog lets go of its INVITE at the ACK and a transaction of its request when it ends (the dialog
        // keeps what later requests need as text): a call's parsed INVITE was half of its heap for its life.
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(tuning.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE",
                Integer.toString(tuning.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS",
                Integer.toString(tuning.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(tuning.receiveUdpBufferSize()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(tuning.sendUdpBufferSize()));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(tuning.maxMessageSize()));
        // UDP read without a 64 KiB array per datagram; TCP the stack's own, blocking or NIO
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", SipMessageProcessors.class.getName());
        p.setProperty(SipMessageProcessors.NIO_TCP, Boolean.toString(tuning.nioTcp()));
        p.setProperty(SipMessageProcessors.UDP_QUEUE_LIMIT, Integer.toString(tuning.udpQueueLimit()));
        // keep the trunk's TCP connection open for our in-dialog requests (BYE) instead of reconnecting
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // drop the stack's deadlock auditing and per-message stack traces
        p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        // responses for unknown client transactions (stray 200s, the torture responses): discard
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        return p;
    }

    private static String hostPort(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    /** Stops taking calls, unbinds the ports and stops the stack; calls in progress are abandoned. */
    public synchronized void stop() {
        listening = false;
        if (signalling != null) {
            signalling.close(); // before the stack: BYEs already queued for TCP still go out
            signalling = null;
        }
        if (stack != null) {
            try {
                stack.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Error while stopping the SIP stack", e);
            }
            stack = null;
        }
        listeningPoints.clear();
        if (stackName != null) {
            AdmissionValve.unbind(stackName);
        }
    }

    /**
     * SIP datagrams dropped unread since start because {@code hotline.sip.stack.udp-queue-limit} were waiting to
     * be parsed. Safe on any thread and never waits: metrics read it.
     */
    public long udpDatagramsDropped() {
        long dropped = 0;
        for (ReusedBufferUdpProcessor reader : udpReaders) {
            dropped += reader.dropped();
        }
        return dropped;
    }

    /** Whether UDP is read by {@link ReusedBufferUdpProcessor} (tests). */
    boolean readsUdpIntoOneBuffer() {
        return !udpReaders.isEmpty();
    }

    /** Whether the listening points are bound and the stack runs (for readiness). */
    public boolean isListening() {
        return listening;
    }

    /**
     * Draining: while on, new INVITEs and OPTIONS get 503 with Retry-After (so a dispatcher's OPTIONS
     * probe marks this instance down); calls in progress go on.
     */
    public void drain(boolean on) {
        admission.drain(on);
        LOG.info(on ? "SIP draining: new calls refused with 503" : "SIP draining off: taking calls");
    }

    /** Whether {@link #drain(boolean)} is on. */
    public boolean isDraining() {
        return admission.isDraining();
    }

    /** Counters for metrics. */
    public SipCounters counters() {
        return counters;
    }

    /** The checked settings in force. */
    public EndpointSettings settings() {
        return settings;
    }
}
