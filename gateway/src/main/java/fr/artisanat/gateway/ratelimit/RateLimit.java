package fr.artisanat.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.auth.VerifiedToken;
import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.routing.GatewayFilter;
import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * Takes one request from the caller's budget ({@link RateLimitPolicies}, {@link BucketStore}) and says where it
 * stands on every response it counted: {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers-09). A request over the budget gets 429 problem+json with {@code Retry-After},
 * counted in {@code gateway.rate-limit.refused}. When PostgreSQL cannot decide, the request goes on unlimited
 * (fail open, docs/adr/0016), counted in {@code gateway.rate-limit.undecided}.
 */
@ApplicationScoped
public class RateLimit implements GatewayFilter {

    /** After the token check (about 100), whose verified claims name the client; before the body limit (500). */
    static final int ORDER = 200;
    /** The route name of the gateway's own public documents in logs and metrics. */
    private static final String GATEWAY_ROUTE = "gateway";

    private final RateLimitPolicies policies;
    private final BucketStore store;
    private final MeterRegistry registry;

    RateLimit(RateLimitPolicies policies, BucketStore store, MeterRegistry registry) {
        this.policies = policies;
        this.store = store;
        this.registry = registry;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void handle(RoutingContext context, RouteDefinition route) {
        limit(context, route.name());
    }

    /** The gateway's own public documents (its OpenAPI document, Swagger UI): no token, so per address. */
    public void handlePublic(RoutingContext context) {
        limit(context, GATEWAY_ROUTE);
    }

    private void limit(RoutingContext context, String route) {
        SocketAddress remote = context.request().remoteAddress();
        Quota quota = policies.quotaOf(VerifiedToken.of(context), remote == null ? "unknown" : remote.hostAddress());
        store.take(quota).onComplete(decision -> {
            if (decision.failed()) {
                counter("gateway.rate-limit.undecided", "Requests let through without a rate limit: PostgreSQL could not decide",
                        route, quota).increment();
                context.next();
                return;
            }
            ConsumptionProbe probe = decision.result();
            Policy policy = quota.policy();
            HttpServerResponse response = context.response()
                    .putHeader("RateLimit-Policy", policy.header())
                    .putHeader("RateLimit", policy.state(probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset())));
            if (probe.isConsumed()) {
                context.next();
                return;
            }
            counter("gateway.rate-limit.refused", "Requests refused with 429: their caller's rate limit was used up",
                    route, quota).increment();
            long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            response.putHeader("Retry-After", Long.toString(retryAfter));
            Problem.tooManyRequests(policy.requests(), policy.per(), retryAfter).send(context);
        });
    }

    private Counter counter(String name, String description, String route, Quota quota) {
        return Counter.builder(name).description(description).tag("route", route).tag("policy", quota.policy().name())
                .register(registry);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
