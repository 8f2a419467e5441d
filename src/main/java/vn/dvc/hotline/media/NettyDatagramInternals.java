package vn.dvc.hotline.media;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * Netty's package-private epoll datagram internals that {@link BatchReceiver} and {@link BatchSender} drive: its
 * {@code NativeDatagramPacketArray} (the iovecs and per-datagram fields that its JNI reads and writes) and
 * {@code Native.recvmmsg} / {@code Native.sendmmsg}. They are found once, with
 * {@link MethodHandles#privateLookupIn}, when {@link Handles} is first used; a Netty version that lacks one makes
 * {@link #UNAVAILABLE} say why, and the sockets keep Netty's own read and write.
 */
final class NettyDatagramInternals {

    /** Why Netty's internals are unusable, or null when they were all found. */
    static final String UNAVAILABLE = find();

    private NettyDatagramInternals() {
    }

    /** The handles; initialising this class fails if one of them is missing. */
    static final class Handles {
        static final Class<?> ARRAY = type("io.netty.channel.epoll.NativeDatagramPacketArray");
        static final Class<?> PACKET = type("io.netty.channel.epoll.NativeDatagramPacketArray$NativeDatagramPacket");
        static final MethodHandle NEW_ARRAY = method(lookup -> lookup.findConstructor(ARRAY,
                MethodType.methodType(void.class)), ARRAY, MethodType.methodType(Object.class));
        static final MethodHandle ADD_WRITABLE = method(lookup -> lookup.findVirtual(ARRAY, "addWritable",
                MethodType.methodType(boolean.class, ByteBuf.class, int.class, int.class)), ARRAY,
                MethodType.methodType(boolean.class, Object.class, ByteBuf.class, int.class, int.class));
        static final MethodHandle PACKETS = method(lookup -> lookup.findVirtual(ARRAY, "packets",
                MethodType.methodType(PACKET.arrayType())), ARRAY, MethodType.methodType(Object[].class, Object.class));
        static final MethodHandle CLEAR = method(lookup -> lookup.findVirtual(ARRAY, "clear",
                MethodType.methodType(void.class)), ARRAY, MethodType.methodType(void.class, Object.class));
        static final MethodHandle RELEASE = method(lookup -> lookup.findVirtual(ARRAY, "release",
                MethodType.methodType(void.class)), ARRAY, MethodType.methodType(void.class, Object.class));
        static final MethodHandle RECVMMSG = nativeDatagrams("recvmmsg");
        static final MethodHandle SENDMMSG = nativeDatagrams("sendmmsg");
        /**
         * Netty's JNI reuses this field: the iovec count that {@code recvmmsg} reads, then the bytes it received
         * into the packet's slot.
         */
        static final VarHandle COUNT = field("count", int.class);
        static final VarHandle SENDER_ADDRESS = field("senderAddr", byte[].class);
        static final VarHandle SENDER_ADDRESS_LENGTH = field("senderAddrLen", int.class);
        static final VarHandle SENDER_PORT = field("senderPort", int.class);
        static final VarHandle SENDER_SCOPE = field("senderScopeId", int.class);
        /** {@code sendmmsg} reads the recipient from these; {@code addWritable} leaves them empty. */
        static final VarHandle RECIPIENT_ADDRESS = field("recipientAddr", byte[].class);
        static final VarHandle RECIPIENT_ADDRESS_LENGTH = field("recipientAddrLen", int.class);
        static final VarHandle RECIPIENT_SCOPE = field("recipientScopeId", int.class);
        static final VarHandle RECIPIENT_PORT = field("recipientPort", int.class);

        private Handles() {
        }

        private interface Find {
            MethodHandle in(MethodHandles.Lookup lookup) throws ReflectiveOperationException;
        }

        /** {@code Native.recvmmsg} or {@code sendmmsg}: (fd, ipv6, packets, offset, count) → datagrams. */
        private static MethodHandle nativeDatagrams(String name) {
            return method(lookup -> lookup.findStatic(lookup.lookupClass(), name,
                    MethodType.methodType(int.class, int.class, boolean.class, PACKET.arrayType(), int.class,
                            int.class)),
                    type("io.netty.channel.epoll.Native"),
                    MethodType.methodType(int.class, int.class, boolean.class, Object[].class, int.class, int.class));
        }

        private static Class<?> type(String name) {
            try {
                return Class.forName(name, false, Handles.class.getClassLoader());
            } catch (ClassNotFoundException missing) {
                throw new IllegalStateException(missing);
            }
        }

        private static MethodHandle method(Find find, Class<?> owner, MethodType erased) {
            try {
                return find.in(MethodHandles.privateLookupIn(owner, MethodHandles.lookup())).asType(erased);
            } catch (ReflectiveOperationException missing) {
                throw new IllegalStateException(missing);
            }
        }

        private static VarHandle field(String name, Class<?> type) {
            try {
                return MethodHandles.privateLookupIn(PACKET, MethodHandles.lookup()).findVarHandle(PACKET, name, type);
            } catch (ReflectiveOperationException missing) {
                throw new IllegalStateException(missing);
            }
        }
    }

    private static String find() {
        try {
            MethodHandles.lookup().ensureInitialized(Handles.class);
            return null;
        } catch (LinkageError missing) {
            return String.valueOf(missing.getCause() == null ? missing : missing.getCause());
        } catch (IllegalAccessException impossible) {
            return impossible.toString(); // a nested class of this one
        }
    }
}
