package vn.dvc.hotline.portal;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who is asking, for throttling: the remote address of the connection. Behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so that this is the client's address, not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
