package vn.dvc.hotline.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The raw pre-parse check, without sockets: raw SIP as text fixtures. */
class StrictRequestCheckTest {

    private static final String HEADERS = "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
            + "To: <sip:1022@example.org>\r\n"
            + "From: \"Bell, Alexander\" <sip:a@example.com>;tag=1\r\n"
            + "Call-ID: c1@h\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n";

    private static StrictRequestCheck.Violation check(String raw) {
        return StrictRequestCheck.check(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int status(String raw) {
        StrictRequestCheck.Violation v = check(raw);
        return v == null ? 0 : v.status();
    }

    @Test
    void wellFormedRequestsPass() {
        assertNull(check("OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS + "Content-Length: 0\r\n\r\n"));
        // CRLFs before the start line are keep-alives, not faults (RFC 3261 §7.5)
        assertNull(check("\r\n\r\nOPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS + "\r\n"));
        // folded header, lower-case version, repeated multi-valued headers
        assertNull(check("OPTIONS sip:1022@example.org sip/2.0\r\n" + HEADERS
                + "Subject: a\r\n  folded\r\nVia: SIP/2.0/UDP b;branch=z9hG4bK2\r\n\r\n"));
        // an unquoted UTF-8 name, as Vietnamese trunks send them: the parser reads it, so do we
        assertNull(check("INVITE sip:1022@example.org SIP/2.0\r\n"
                + "From: Nguyễn Văn A <sip:0901234567@example.com>;tag=2\r\n"
                + "To: sip:1022@example.org\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n\r\n"));
    }

    @Test
    void responsesAreNotChecked() {
        assertNull(check("SIP/2.0 200 OK\r\nTo: a\r\nTo: b\r\n\r\n"));
    }

    @Test
    void anotherVersionGets505() {
        assertEquals(505, status("OPTIONS sip:1022@example.org SIP/7.0\r\n" + HEADERS + "\r\n"));
    }

    @Test
    void whitespaceInTheRequestLineGets400() {
        assertEquals(400, status("INVITE  sip:1022@example.org  SIP/2.0\r\n" + HEADERS + "\r\n"));
        assertEquals(400, status("OPTIONS sip:1022@example.org SIP/2.0  \r\n" + HEADERS + "\r\n"));
        assertEquals(400, status(" OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS + "\r\n"));
    }

    @Test
    void duplicatedSingleValuedHeadersGet400InLongAndCompactForm() {
        assertEquals(400, status("OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS
                + "Content-Length: 13\r\nl: 5\r\n\r\n"));
        assertEquals(400, status("OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS + "cseq: 2 OPTIONS\r\n\r\n"));
        StrictRequestCheck.Violation v = check("OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS
                + "t: <sip:other@example.net>\r\n\r\n");
        assertEquals("Duplicate to header", v.reason());
    }

    @Test
    void unquotedDisplayNameWithACommaGets400() {
        assertEquals(400, status("OPTIONS sip:1022@example.org SIP/2.0\r\n"
                + "From: Bell, Alexander <sip:a@example.com>;tag=1\r\nTo: <sip:1022@example.org>\r\n\r\n"));
    }

    @Test
    void onlyTheHeaderSectionIsRead() {
        assertNull(check("OPTIONS sip:1022@example.org SIP/2.0\r\n" + HEADERS + "Content-Length: 14\r\n\r\n"
                + "To: x\r\nTo: y\r\n"));
    }
}
