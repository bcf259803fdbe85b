package fr.artisanat.gateway.routing;

import io.vertx.ext.web.RoutingContext;

/**
 * One step between a matched route and the proxy (a CDI bean; the router runs them by {@link #order()}). A filter
 * either calls {@code context.next()} or ends the exchange, with a problem+json response. It may finish
 * asynchronously: the request body stays paused until the proxy reads it. Authentication and rate limits come in as
 * filters ordered before the body limit (docs/adr/0013).
 */
public interface GatewayFilter {

    /** Lower runs first. */
    int order();

    void handle(RoutingContext context, RouteDefinition route);
}
