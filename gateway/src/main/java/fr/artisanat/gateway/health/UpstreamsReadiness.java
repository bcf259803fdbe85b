package fr.artisanat.gateway.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import fr.artisanat.gateway.proxy.Upstream;
import fr.artisanat.gateway.proxy.Upstreams;

/**
 * Each upstream's readiness (its own {@code /q/health/ready}) and circuit, in the gateway's {@code /q/health/ready}.
 * The gateway stays UP while a service is down, with {@code "degraded": true}: it still serves the others, and a
 * load balancer must not take it out of rotation for one service (as the services do for parked outbox events).
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MS = 2_000;

    private final Upstreams upstreams;

    UpstreamsReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> all = new ArrayList<>();
        upstreams.all().forEach(all::add);
        List<Future<Boolean>> probes = all.stream().map(UpstreamsReadiness::ready).toList();
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage()
                .handle((done, failure) -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
                    boolean degraded = false;
                    for (int i = 0; i < all.size(); i++) {
                        boolean ready = Boolean.TRUE.equals(probes.get(i).result());
                        degraded |= !ready;
                        response.withData(all.get(i).name(), (ready ? "UP" : "DOWN") + ", circuit "
                                + all.get(i).breaker().state());
                    }
                    return response.withData("degraded", degraded).build();
                }));
    }

    private static Future<Boolean> ready(Upstream upstream) {
        RequestOptions probe = new RequestOptions().setMethod(HttpMethod.GET).setServer(upstream.address())
                .setURI(upstream.config().readinessPath()).setTimeout(PROBE_TIMEOUT_MS);
        return upstream.client().request(probe)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false);
    }
}
