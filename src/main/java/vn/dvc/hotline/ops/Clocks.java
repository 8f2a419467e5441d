package vn.dvc.hotline.ops;

import java.time.Clock;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The service's clock, injected everywhere time matters so that tests can fix it. */
@ApplicationScoped
public class Clocks {

    /** Time settings. */
    @ConfigMapping(prefix = "hotline.time")
    public interface TimeConfig {
        /** The zone in which "today", office hours and working days are reckoned. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId zone();
    }

    @Produces
    @ApplicationScoped
    Clock clock(TimeConfig config) {
        return Clock.system(config.zone());
    }
}
