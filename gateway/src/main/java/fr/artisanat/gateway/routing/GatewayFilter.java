package fr.artisanat.gateway.routing;

import io.vertx.ext.web.RoutingContext;

/**
 * One step between a matched route and the proxy (a CDI bean; the router runs them by {@link #order()}). A filter
 * either calls {@code context.next()} or ends the exchange, with a problem+json response. It may finish
 * asynchronously: the request body stays paused until the proxy reads it. The token check (about 100), the rate limit
 * (200) and the body limit (500) are filters (docs/adr/0013, 0016).
 */
public interface GatewayFilter {

    /** Lower runs first. */
    int order();

    void handle(RoutingContext context, RouteDefinition route);
}
