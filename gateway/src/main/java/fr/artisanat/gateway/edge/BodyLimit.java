package fr.artisanat.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.routing.GatewayFilter;
import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * Refuses a body whose declared length is above the route's limit (413) before any upstream is called. A chunked
 * body, of no declared length, is counted as it streams (the proxy's {@code StreamedBody}).
 */
@ApplicationScoped
public class BodyLimit implements GatewayFilter {

    /** After the token check and the rate limit: an anonymous or throttled caller learns nothing of limits. */
    static final int ORDER = 500;

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void handle(RoutingContext context, RouteDefinition route) {
        String length = context.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            new Problem(400, "invalid-content-length", "Invalid request", "Content-Length is not a number").send(context);
            return;
        }
        if (declared > route.maxBodySize()) {
            Problem.tooLarge(route.name(), route.maxBodySize()).send(context);
            return;
        }
        context.next();
    }
}
