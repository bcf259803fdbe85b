package fr.artisanat.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.auth.VerifiedToken;
import fr.artisanat.gateway.routing.GatewayFilter;
import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * A filter of the gateway's tests only, after the token check as the rate limit is: it reads the verified claims as
 * such a filter does and passes the client ({@code azp}) to the upstream, where {@link TestUpstream}'s echo shows it.
 */
@ApplicationScoped
public class VerifiedTokenProbe implements GatewayFilter {

    static final String HEADER = "X-Test-Verified-Client";

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void handle(RoutingContext context, RouteDefinition route) {
        VerifiedToken.of(context).ifPresent(claims -> context.request().headers().set(HEADER, claims.getString("azp")));
        context.next();
    }
}
