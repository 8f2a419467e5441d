package vn.dvc.hotline.sip;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which peers may send SIP to the service. Checked at startup by {@link EndpointSettings}. */
@ConfigMapping(prefix = "hotline.trunks")
public interface TrunkConfig {

    /**
     * Source networks allowed to send SIP, as CIDRs (IPv4 or IPv6, e.g. {@code 203.0.113.0/24}); a
     * request from anywhere else gets 403 before any transaction exists. Default: loopback and the
     * private ranges, where a telco's SBC or a Kamailio edge usually sits. Name the trunk's addresses
     * in production.
     */
    @WithDefault("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<String> allow();
}
