package vn.dvc.hotline.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;

/**
 * JAIN-SIP parser factory ({@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}) that runs the
 * {@link StrictRequestCheck} on each request's raw bytes, where the RI's lenient parser would otherwise
 * hide the fault, and leaves the parsing itself to the RI's parser.
 *
 * <p>A request that breaks a rule is still parsed and marked, not thrown away: the
 * {@link AdmissionValve}, which runs next and before any transaction exists, answers it statelessly with
 * the marked status (400 or 505), as it does its other refusals. The mark is the message's application
 * data ({@link SIPMessage#setApplicationData}), which nothing else in the service uses.
 *
 * <p>Thread model: the stack creates parsers per channel or thread; the parser here holds only its
 * delegate and is used as the stack uses the delegate. The stack instantiates this factory
 * reflectively with no arguments.
 */
public final class StrictMessageParserFactory implements MessageParserFactory {

    private final MessageParserFactory delegate = new StringMsgParserFactory();

    /** Required by the stack, which instantiates the factory reflectively. */
    public StrictMessageParserFactory() {
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = delegate.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> parse(parser, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MessageParser parser, byte[] bytes, boolean readBody, boolean strict,
            ParseExceptionListener listener) throws ParseException {
        SIPMessage message = parser.parseSIPMessage(bytes, readBody, strict, listener);
        if (message instanceof SIPRequest && bytes != null) {
            StrictRequestCheck.Violation violation = StrictRequestCheck.check(bytes);
            if (violation != null) {
                message.setApplicationData(violation);
            }
        }
        return message;
    }

    /** The rule a parsed request broke, or null. */
    static StrictRequestCheck.Violation violationOf(SIPMessage message) {
        return message.getApplicationData() instanceof StrictRequestCheck.Violation v ? v : null;
    }
}
