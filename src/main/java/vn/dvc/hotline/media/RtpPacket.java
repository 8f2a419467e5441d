package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the RTP fixed header (RFC 3550 §5.1) in place, over a Netty {@link ByteBuf}:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                  (CC entries of 32 bits each)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  extension profile (if X=1)   |  extension length, in words   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              extension data (length * 32 bits)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           payload ...                         |
 * |                               +-------------------------------+
 * |                               | padding (if P=1)  | pad count |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>A packet is the readable bytes of the buffer: it starts at {@code readerIndex()} and ends at
 * {@code writerIndex()}, as a received datagram's content does. Every method uses absolute gets and sets,
 * so no index of the buffer moves and nothing is allocated: these run for every packet of every call.
 * Check {@link #isValid(ByteBuf)} first; the other readers assume a valid packet and, for a malformed one,
 * return garbage or throw {@link IndexOutOfBoundsException}.
 *
 * <p>Thread model: stateless static methods; the buffer belongs to the caller (one call's event loop).
 */
public final class RtpPacket {

    /** RTP version written and accepted. */
    public static final int VERSION = 2;
    /** Length of the fixed header, without CSRCs or extension. */
    public static final int HEADER_LENGTH = 12;
    /** Largest payload type (7 bits). */
    public static final int MAX_PAYLOAD_TYPE = 127;

    private RtpPacket() {
    }

    /**
     * Whether the readable bytes form a well-formed RTP packet: at least 12 bytes, version 2, the CSRC
     * list and header extension inside the packet, and, with the P bit, a padding count of at least one
     * (it counts itself) that does not reach into the header.
     */
    public static boolean isValid(ByteBuf buf) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < HEADER_LENGTH) {
            return false;
        }
        int first = buf.getUnsignedByte(start);
        if ((first >>> 6) != VERSION) {
            return false;
        }
        int header = HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return false;
            }
            header += 4 + 4 * buf.getUnsignedShort(start + header + 2);
        }
        if (header > length) {
            return false;
        }
        if ((first & 0x20) != 0) {
            int padding = buf.getUnsignedByte(start + length - 1);
            return padding >= 1 && header + padding <= length;
        }
        return true;
    }

    /** The version field (2 for RTP). */
    public static int version(ByteBuf buf) {
        return buf.getUnsignedByte(buf.readerIndex()) >>> 6;
    }

    /** Whether the P bit is set (the last byte counts padding octets). */
    public static boolean hasPadding(ByteBuf buf) {
        return (buf.getByte(buf.readerIndex()) & 0x20) != 0;
    }

    /** Whether the X bit is set (a header extension follows the CSRC list). */
    public static boolean hasExtension(ByteBuf buf) {
        return (buf.getByte(buf.readerIndex()) & 0x10) != 0;
    }

    /** The CSRC count, 0 to 15. */
    public static int csrcCount(ByteBuf buf) {
        return buf.getByte(buf.readerIndex()) & 0x0F;
    }

    /** The marker bit: for audio, the first packet of a talkspurt (RFC 3551 §4.1). */
    public static boolean marker(ByteBuf buf) {
        return (buf.getByte(buf.readerIndex() + 1) & 0x80) != 0;
    }

    /** The payload type, 0 to 127. */
    public static int payloadType(ByteBuf buf) {
        return buf.getByte(buf.readerIndex() + 1) & 0x7F;
    }

    /** The sequence number, 0 to 65535. */
    public static int sequenceNumber(ByteBuf buf) {
        return buf.getUnsignedShort(buf.readerIndex() + 2);
    }

    /** The timestamp as an unsigned 32-bit value, 0 to 2^32 - 1. */
    public static long timestamp(ByteBuf buf) {
        return buf.getUnsignedInt(buf.readerIndex() + 4);
    }

    /** The SSRC; an arbitrary 32-bit identifier, so its sign means nothing. */
    public static int ssrc(ByteBuf buf) {
        return buf.getInt(buf.readerIndex() + 8);
    }

    /**
     * The CSRC identifier at position {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #csrcCount(ByteBuf)}
     */
    public static int csrc(ByteBuf buf, int i) {
        if (i < 0 || i >= csrcCount(buf)) {
            throw new IndexOutOfBoundsException("CSRC " + i + " of " + csrcCount(buf));
        }
        return buf.getInt(buf.readerIndex() + HEADER_LENGTH + 4 * i);
    }

    /** The header extension's profile-defined 16 bits, or -1 without the X bit. */
    public static int extensionProfile(ByteBuf buf) {
        if (!hasExtension(buf)) {
            return -1;
        }
        return buf.getUnsignedShort(buf.readerIndex() + HEADER_LENGTH + 4 * csrcCount(buf));
    }

    /** Length of the whole header: fixed part, CSRC list and header extension (if any). */
    public static int headerLength(ByteBuf buf) {
        int start = buf.readerIndex();
        int first = buf.getByte(start);
        int header = HEADER_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            header += 4 + 4 * buf.getUnsignedShort(start + header + 2);
        }
        return header;
    }

    /** Number of padding octets at the end (the last byte, including itself), or 0 without the P bit. */
    public static int paddingLength(ByteBuf buf) {
        if (!hasPadding(buf)) {
            return 0;
        }
        return buf.getUnsignedByte(buf.writerIndex() - 1);
    }

    /** Absolute buffer index of the first payload byte (after CSRCs and extension). */
    public static int payloadOffset(ByteBuf buf) {
        return buf.readerIndex() + headerLength(buf);
    }

    /** Number of payload bytes, excluding header, CSRCs, extension and padding. */
    public static int payloadLength(ByteBuf buf) {
        return buf.readableBytes() - headerLength(buf) - paddingLength(buf);
    }

    /**
     * Writes a 12-byte header at {@code index}: version 2, no padding, no extension, no CSRC. No buffer
     * index moves; the caller then writes the payload at {@code index + HEADER_LENGTH}.
     *
     * @param sequence  sequence number; taken modulo 2^16 because it wraps by design
     * @param timestamp RTP timestamp; taken modulo 2^32 because it wraps by design
     * @return {@link #HEADER_LENGTH}
     * @throws IllegalArgumentException  if {@code payloadType} is outside 0..127 (it would corrupt the marker)
     * @throws IndexOutOfBoundsException if the 12 bytes do not fit in the buffer's capacity
     */
    public static int writeHeader(ByteBuf buf, int index, boolean marker, int payloadType, int sequence,
            long timestamp, int ssrc) {
        if (payloadType < 0 || payloadType > MAX_PAYLOAD_TYPE) {
            throw new IllegalArgumentException("payload type must be 0..127, was " + payloadType);
        }
        buf.setByte(index, VERSION << 6);
        buf.setByte(index + 1, (marker ? 0x80 : 0) | payloadType);
        buf.setShort(index + 2, sequence);
        buf.setInt(index + 4, (int) timestamp);
        buf.setInt(index + 8, ssrc);
        return HEADER_LENGTH;
    }
}
