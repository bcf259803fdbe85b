package fr.artisanat.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.vertx.circuitbreaker.CircuitBreakerState;

import fr.artisanat.gateway.ratelimit.BucketStore;

/**
 * The rate limits' store (PostgreSQL) in the gateway's {@code /q/health/ready}: UP while it is away too, with
 * {@code "degraded": true}, since requests then go on without a limit (fail open, docs/adr/0016) and a load balancer
 * must not take every gateway out of rotation for it.
 */
@Readiness
@ApplicationScoped
public class RateLimitStoreReadiness implements HealthCheck {

    private final BucketStore store;

    RateLimitStoreReadiness(BucketStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreakerState state = store.state();
        return HealthCheckResponse.named("rate-limits").up().withData("store", "circuit " + state)
                .withData("degraded", state != CircuitBreakerState.CLOSED).build();
    }
}
