package vn.dvc.hotline.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demonstration content loaded at first start. */
@ConfigMapping(prefix = "hotline.seed")
public interface SeedConfig {

    /**
     * Load the seed catalogue (fields, agencies, procedures, holidays of 2026–2027) and the synthetic dossiers at start,
     * inserting only what is missing, so staff edits survive restarts. Turn off in production.
     */
    @WithDefault("true")
    boolean enabled();
}
