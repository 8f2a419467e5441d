package vn.dvc.hotline.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the public (anonymous) REST API. */
@ConfigMapping(prefix = "hotline.api")
public interface ApiConfig {

    /** Sustained requests per second one client address may make to the public endpoints; then 429. */
    @WithDefault("20")
    double publicRatePerSecond();

    /** Requests one client address may make in a burst before the sustained rate applies. */
    @WithDefault("100")
    int publicBurst();
}
