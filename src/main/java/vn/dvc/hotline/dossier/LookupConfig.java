package vn.dvc.hotline.dossier;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on dossier lookups, which guess-able four-digit verifiers make worth attacking. */
@ConfigMapping(prefix = "hotline.dossier.lookup")
public interface LookupConfig {

    /** Failed lookups (unknown code or wrong verifier) allowed per client within {@link #window()}; then 429. */
    @WithDefault("10")
    int maxFailures();

    /** The sliding window over which failures are counted. */
    @WithDefault("10m")
    Duration window();
}
