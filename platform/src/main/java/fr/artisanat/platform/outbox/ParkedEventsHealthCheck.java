package fr.artisanat.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/outbox}: DOWN while events are parked, with their count and the oldest one's reason, for
 * the monitoring that pages operators. Readiness stays UP meanwhile ({@link OutboxReadinessCheck}).
 */
@HealthGroup(ParkedEventsHealthCheck.GROUP)
@ApplicationScoped
public class ParkedEventsHealthCheck implements HealthCheck {

    public static final String GROUP = "outbox";

    @Inject
    ParkedEvents parkedEvents;

    @Override
    public HealthCheckResponse call() {
        ParkedEvents.Summary parked = parkedEvents.summary();
        var response = HealthCheckResponse.named("outbox-parked-events").status(parked.count() == 0)
                .withData("parked", parked.count());
        if (parked.oldest() != null) {
            ParkedEventView oldest = parked.oldest();
            response.withData("oldestEventId", oldest.eventId().toString())
                    .withData("oldestType", oldest.type())
                    .withData("oldestAggregateId", oldest.aggregateId())
                    .withData("oldestReason", oldest.reason())
                    .withData("requeue", "POST /admin/outbox/parked/" + oldest.eventId() + "/requeue");
        }
        return response.build();
    }
}
