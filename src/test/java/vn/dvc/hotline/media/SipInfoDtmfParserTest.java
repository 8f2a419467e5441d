package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SipInfoDtmfParserTest {

    static Stream<Arguments> dtmfRelayBodies() {
        return Stream.of(
                Arguments.of("Signal=5\r\nDuration=160\r\n", '5'),
                Arguments.of("Signal=5\nDuration=160\n", '5'),
                Arguments.of("Signal=5", '5'),
                Arguments.of("signal=9\r\nduration=100\r\n", '9'),
                Arguments.of("SIGNAL = 0 \r\n", '0'),
                Arguments.of("Signal= *\r\nDuration= 250\r\n", '*'),
                Arguments.of("Signal=#\r\n", '#'),
                Arguments.of("\tSignal\t=\t#\t\r\n", '#'),
                Arguments.of("Duration=160\r\nSignal=7\r\n", '7'),
                Arguments.of("\r\n\r\nSignal=3\r\n", '3'),
                Arguments.of("Signal=A\r\n", 'A'),
                Arguments.of("Signal=d\r\n", 'D'),
                Arguments.of("Signal=10\r\n", '*'),
                Arguments.of("Signal=11\r\n", '#'),
                Arguments.of("Signal=12\r\n", 'A'),
                Arguments.of("Signal=15\r\n", 'D'),
                Arguments.of("Signal=05\r\n", '5'),
                Arguments.of("Signal: 8\r\n", '8'),
                Arguments.of("Signal=1\rDuration=160\r", '1'),
                Arguments.of("Signal=2\r\nSignal=3\r\n", '2'),
                // malformed: no key
                Arguments.of("", DtmfEvent.NONE),
                Arguments.of("\r\n", DtmfEvent.NONE),
                Arguments.of("Duration=160\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=\r\nDuration=160\r\n", DtmfEvent.NONE),
                Arguments.of("Signal= \r\n", DtmfEvent.NONE),
                Arguments.of("Signal=16\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=99\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=123\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=E\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=!\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=5 6\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=-1\r\n", DtmfEvent.NONE),
                Arguments.of("Signal 5\r\n", DtmfEvent.NONE),
                Arguments.of("Signals=5\r\n", DtmfEvent.NONE),
                Arguments.of("XSignal=5\r\n", DtmfEvent.NONE),
                Arguments.of("Sig nal=5\r\n", DtmfEvent.NONE),
                Arguments.of("=5\r\n", DtmfEvent.NONE),
                Arguments.of("5\r\n", DtmfEvent.NONE),
                Arguments.of("Signal=\u0665\r\n", DtmfEvent.NONE), // Arabic-Indic five is not a key
                Arguments.of("Signal=x\r\nSignal=5\r\n", DtmfEvent.NONE));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("dtmfRelayBodies")
    void parsesDtmfRelayBodies(String body, char expected) {
        assertEquals(expected, SipInfoDtmfParser.parseDtmfRelay(body), () -> "body " + escape(body));
        assertEquals(expected, SipInfoDtmfParser.parse("application/dtmf-relay", body));
    }

    static Stream<Arguments> dtmfBodies() {
        return Stream.of(
                Arguments.of("5", '5'),
                Arguments.of("5\r\n", '5'),
                Arguments.of(" # ", '#'),
                Arguments.of("*", '*'),
                Arguments.of("b", 'B'),
                Arguments.of("11", '#'),
                Arguments.of("10\r\n", '*'),
                Arguments.of("0", '0'),
                Arguments.of("", DtmfEvent.NONE),
                Arguments.of("   ", DtmfEvent.NONE),
                Arguments.of("16", DtmfEvent.NONE),
                Arguments.of("55", DtmfEvent.NONE),
                Arguments.of("12a", DtmfEvent.NONE),
                Arguments.of("Signal=5", DtmfEvent.NONE),
                Arguments.of("x", DtmfEvent.NONE));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("dtmfBodies")
    void parsesDtmfBodies(String body, char expected) {
        assertEquals(expected, SipInfoDtmfParser.parseDtmf(body), () -> "body " + escape(body));
        assertEquals(expected, SipInfoDtmfParser.parse("application/dtmf", body));
    }

    @Test
    void contentTypeIsMatchedIgnoringCaseAndParameters() {
        assertEquals('4', SipInfoDtmfParser.parse("Application/DTMF-Relay; charset=utf-8", "Signal=4"));
        assertEquals('4', SipInfoDtmfParser.parse(" application/dtmf ", "4"));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse("application/sdp", "Signal=4"));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse("text/plain", "4"));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse(null, "Signal=4"));
        assertTrue(SipInfoDtmfParser.supports("application/dtmf-relay"));
        assertTrue(SipInfoDtmfParser.supports("APPLICATION/DTMF;x=y"));
        assertFalse(SipInfoDtmfParser.supports("application/dtmf-relayx"));
        assertFalse(SipInfoDtmfParser.supports(null));
    }

    @Test
    void nullBodiesAreNoKey() {
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parseDtmfRelay(null));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parseDtmf(null));
        assertEquals(DtmfEvent.NONE, SipInfoDtmfParser.parse("application/dtmf-relay", null));
    }

    @Test
    void acceptsAnyCharSequence() {
        assertEquals('6', SipInfoDtmfParser.parseDtmfRelay(new StringBuilder("Signal=6\r\n")));
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
