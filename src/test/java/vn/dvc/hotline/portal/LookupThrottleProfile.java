package vn.dvc.hotline.portal;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A separate application instance (the same embedded database folder, so also a restart on a migrated, seeded
 * database) with a small failure limit and the public rate limits of production.
 */
public class LookupThrottleProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hotline.dossier.lookup.max-failures", "3",
                "hotline.dossier.lookup.window", "10m",
                "hotline.api.public-rate-per-second", "20",
                "hotline.api.public-burst", "100");
    }
}
