package fr.artisanat.gateway.edge;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.config.GatewayConfig;
import fr.artisanat.gateway.problem.Problem;

/**
 * Cross-origin calls from the browsers of the configured origins ({@code gateway.cors.origins}) only. The gateway
 * answers preflight requests itself: allowed, 204 with the allowed methods and headers; refused, 403 problem+json.
 * A plain request from another origin goes through without CORS headers, so the browser withholds the response.
 */
@ApplicationScoped
public class Cors {

    private final Set<String> origins = new TreeSet<>();
    private final GatewayConfig.Cors config;

    Cors(GatewayConfig config) {
        this.config = config.cors();
        this.config.origins().ifPresent(origins::addAll);
    }

    public void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        response.headers().add("Vary", "Origin");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (!origins.contains(origin)) {
            if (preflight) {
                Problem.originRefused(origin).send(context);
            } else {
                context.next();
            }
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", String.join(", ", config.methods()))
                    .putHeader("Access-Control-Allow-Headers", String.join(", ", config.headers()))
                    .putHeader("Access-Control-Max-Age", Long.toString(config.maxAge().toSeconds()))
                    .setStatusCode(204).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", String.join(", ", config.exposedHeaders()));
        context.next();
    }
}
