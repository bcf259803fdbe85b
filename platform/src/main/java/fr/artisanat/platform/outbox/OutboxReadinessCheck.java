package fr.artisanat.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Parked events do not make the service unready: it still serves every request and publishes the other aggregates'
 * events, and restarting it would not help. Readiness stays UP and says the outbox is degraded; the details are in
 * the {@code outbox} health group ({@link ParkedEventsHealthCheck}).
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    @Inject
    ParkedEvents parkedEvents;

    @Override
    public HealthCheckResponse call() {
        long parked = parkedEvents.summary().count();
        return HealthCheckResponse.named("outbox").up()
                .withData("degraded", parked > 0)
                .withData("parkedEvents", parked)
                .withData("details", "/q/health/group/" + ParkedEventsHealthCheck.GROUP)
                .build();
    }
}
