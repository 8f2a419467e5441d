package vn.dvc.hotline.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Properties;

import javax.sip.ListeningPoint;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The stack's message processors ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}): UDP is read by
 * {@link ReusedBufferUdpProcessor} when it is available; TCP and TLS are the stack's own, blocking or NIO as
 * {@value #NIO_TCP} says. The stack makes this class by name, so what it needs comes from the stack's properties.
 */
public final class SipMessageProcessors implements MessageProcessorFactory {

    /** Stack property: {@code true} for JAIN-SIP's NIO TCP processor, else its blocking one. */
    static final String NIO_TCP = "vn.dvc.hotline.sip.NIO_TCP";
    /** Stack property: datagrams queued for parsing at most ({@code hotline.sip.stack.udp-queue-limit}). */
    static final String UDP_QUEUE_LIMIT = "vn.dvc.hotline.sip.UDP_QUEUE_LIMIT";

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        Properties config = ((SipStackImpl) stack).getConfigurationProperties();
        if (ListeningPoint.UDP.equalsIgnoreCase(transport) && ReusedBufferUdpProcessor.available()) {
            return ReusedBufferUdpProcessor.create(stack, address, port,
                    Integer.parseInt(config.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")),
                    Math.min(stack.getMaxMessageSize(), SipStackImpl.MAX_DATAGRAM_SIZE),
                    Integer.parseInt(config.getProperty(UDP_QUEUE_LIMIT)), config.getProperty("javax.sip.STACK_NAME"));
        }
        MessageProcessorFactory stackOwn = Boolean.parseBoolean(config.getProperty(NIO_TCP))
                ? new NioMessageProcessorFactory() : new OIOMessageProcessorFactory();
        return stackOwn.createMessageProcessor(stack, address, port, transport);
    }
}
