package vn.dvc.hotline.calls;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with a 1 s RTP inactivity timeout, so that a silent caller is hung up on within a test. */
public class ShortTimeoutsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hotline.rtp.inactivity-timeout", "1s");
    }
}
