package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

    /** Builds a buffer from hex, ignoring spaces. */
    private static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }

    @Test
    void readsThePlainFixedHeader() {
        ByteBuf p = hex("80 00 1234 0001E240 DEADBEEF" + "FF".repeat(160));
        assertTrue(RtpPacket.isValid(p));
        assertEquals(2, RtpPacket.version(p));
        assertFalse(RtpPacket.hasPadding(p));
        assertFalse(RtpPacket.hasExtension(p));
        assertEquals(0, RtpPacket.csrcCount(p));
        assertFalse(RtpPacket.marker(p));
        assertEquals(0, RtpPacket.payloadType(p));
        assertEquals(0x1234, RtpPacket.sequenceNumber(p));
        assertEquals(123456L, RtpPacket.timestamp(p));
        assertEquals(0xDEADBEEF, RtpPacket.ssrc(p));
        assertEquals(12, RtpPacket.headerLength(p));
        assertEquals(12, RtpPacket.payloadOffset(p));
        assertEquals(160, RtpPacket.payloadLength(p));
        assertEquals(0, RtpPacket.paddingLength(p));
        assertEquals(-1, RtpPacket.extensionProfile(p));
        assertEquals(0, p.readerIndex(), "no index moves");
    }

    @Test
    void readsMarkerHighPayloadTypeAndUnsignedFields() {
        ByteBuf p = hex("80 E5 FFFF FFFFFFFE 00000001 0A0B0C0D");
        assertTrue(RtpPacket.isValid(p));
        assertTrue(RtpPacket.marker(p));
        assertEquals(101, RtpPacket.payloadType(p));
        assertEquals(65535, RtpPacket.sequenceNumber(p));
        assertEquals(0xFFFFFFFEL, RtpPacket.timestamp(p));
        assertEquals(1, RtpPacket.ssrc(p));
        assertEquals(4, RtpPacket.payloadLength(p));
    }

    @Test
    void accountsForCsrcsExtensionAndPadding() {
        // CC=2, X=1 (profile 0xBEDE, one word), P=1 with 3 padding octets, 5 payload bytes.
        ByteBuf p = hex("B2 08 0001 00000000 11111111"
                + "AAAAAAAA BBBBBBBB"
                + "BEDE 0001 12345678"
                + "0102030405"
                + "0000 03");
        assertTrue(RtpPacket.isValid(p));
        assertTrue(RtpPacket.hasPadding(p));
        assertTrue(RtpPacket.hasExtension(p));
        assertEquals(2, RtpPacket.csrcCount(p));
        assertEquals(0xAAAAAAAA, RtpPacket.csrc(p, 0));
        assertEquals(0xBBBBBBBB, RtpPacket.csrc(p, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> RtpPacket.csrc(p, 2));
        assertEquals(0xBEDE, RtpPacket.extensionProfile(p));
        assertEquals(12 + 8 + 8, RtpPacket.headerLength(p));
        assertEquals(28, RtpPacket.payloadOffset(p));
        assertEquals(3, RtpPacket.paddingLength(p));
        assertEquals(5, RtpPacket.payloadLength(p));
        assertEquals(1, p.getByte(RtpPacket.payloadOffset(p)));
    }

    @Test
    void packetIsTheReadableRegionNotTheWholeBuffer() {
        ByteBuf whole = hex("CAFEBABE 80 08 0007 00000010 00000020 D5D5 A0 A1A1");
        ByteBuf p = whole.slice(0, whole.capacity()); // same memory, independent indices
        p.readerIndex(4);
        p.writerIndex(p.capacity() - 2); // trailing bytes are not part of the packet
        assertTrue(RtpPacket.isValid(p));
        assertEquals(8, RtpPacket.payloadType(p));
        assertEquals(7, RtpPacket.sequenceNumber(p));
        assertEquals(16, RtpPacket.timestamp(p));
        assertEquals(32, RtpPacket.ssrc(p));
        assertEquals(16, RtpPacket.payloadOffset(p));
        assertEquals(3, RtpPacket.payloadLength(p));
    }

    @Test
    void emptyPayloadIsValid() {
        ByteBuf p = hex("80 00 0001 00000000 00000001");
        assertTrue(RtpPacket.isValid(p));
        assertEquals(0, RtpPacket.payloadLength(p));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty,                              ''",
        "11 bytes,                           80000001000000000000 00",
        "version 0,                          00000001 00000000 00000001",
        "version 1,                          40000001 00000000 00000001",
        "version 3,                          C0000001 00000000 00000001",
        "CSRC count beyond length,           8F000001 00000000 00000001 AAAAAAAA",
        "CSRC list one byte short,           81000001 00000000 00000001 AAAAAA",
        "extension header missing,           90000001 00000000 00000001",
        "extension header cut,               90000001 00000000 00000001 BEDE00",
        "extension longer than packet,       90000001 00000000 00000001 BEDE0002 11111111",
        "padding count zero,                 A0000001 00000000 00000001 AABB00",
        "padding longer than payload,        A0000001 00000000 00000001 AABB04",
        "padding reaching into the header,   A0000001 00000000 00000001 10",
        "padding with no byte for the count, A0000001 00000000 00000001",
    })
    void rejectsMalformedPackets(String what, String bytes) {
        assertFalse(RtpPacket.isValid(hex(bytes)), what);
    }

    @Test
    void paddingExactlyFillingThePayloadIsValid() {
        ByteBuf p = hex("A0000001 00000000 00000001 AABB03");
        assertTrue(RtpPacket.isValid(p));
        assertEquals(0, RtpPacket.payloadLength(p));
    }

    @Test
    void writesTheFixedHeaderInPlace() {
        ByteBuf buf = Unpooled.buffer(40);
        buf.writerIndex(3);
        assertEquals(12, RtpPacket.writeHeader(buf, 2, true, 8, 0xBEEF, 0x89ABCDEFL, 0x01020304));
        assertEquals(3, buf.writerIndex(), "no index moves");
        assertEquals(0, buf.readerIndex());
        byte[] written = new byte[12];
        buf.getBytes(2, written);
        assertArrayEquals(ByteBufUtil.decodeHexDump("8088BEEF89ABCDEF01020304"), written);

        RtpPacket.writeHeader(buf, 0, false, 0, 0, 0, 0);
        buf.getBytes(0, written);
        assertArrayEquals(ByteBufUtil.decodeHexDump("800000000000000000000000"), written);
    }

    @Test
    void writerWrapsSequenceAndTimestamp() {
        ByteBuf buf = Unpooled.buffer(12);
        RtpPacket.writeHeader(buf, 0, false, 0, 65536 + 5, 0x1_0000_0002L, -1);
        buf.writerIndex(12);
        assertEquals(5, RtpPacket.sequenceNumber(buf));
        assertEquals(2, RtpPacket.timestamp(buf));
        assertEquals(-1, RtpPacket.ssrc(buf));
        RtpPacket.writeHeader(buf, 0, true, 127, -1, 0xFFFFFFFFL, 0);
        assertEquals(65535, RtpPacket.sequenceNumber(buf));
        assertEquals(0xFFFFFFFFL, RtpPacket.timestamp(buf));
        assertTrue(RtpPacket.marker(buf));
        assertEquals(127, RtpPacket.payloadType(buf));
    }

    @Test
    void writtenHeaderReadsBackAsAValidPacket() {
        ByteBuf buf = Unpooled.buffer(172);
        RtpPacket.writeHeader(buf, 0, true, 0, 42, 160, 7);
        buf.writerIndex(172);
        assertTrue(RtpPacket.isValid(buf));
        assertEquals(160, RtpPacket.payloadLength(buf));
        assertEquals(2, RtpPacket.version(buf));
    }

    @Test
    void writerRejectsBadPayloadTypeAndShortBuffer() {
        ByteBuf buf = Unpooled.buffer(12, 12);
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.writeHeader(buf, 0, false, 128, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RtpPacket.writeHeader(buf, 0, false, -1, 0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> RtpPacket.writeHeader(buf, 1, false, 0, 0, 0, 0));
    }
}
