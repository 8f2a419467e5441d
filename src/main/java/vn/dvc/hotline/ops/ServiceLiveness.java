package vn.dvc.hotline.ops;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Liveness: the process answers. It deliberately checks nothing outside the process (no database): a database
 * outage must make pods unready, not get them restarted.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("dvc-hotline");
    }
}
