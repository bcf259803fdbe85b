package fr.artisanat.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.auth.BearerAuthentication;
import fr.artisanat.gateway.auth.OperatorsOnly;
import fr.artisanat.gateway.edge.Cors;
import fr.artisanat.gateway.edge.RequestTracking;
import fr.artisanat.gateway.openapi.SuiteApiDocument;
import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.proxy.RouteProxies;
import fr.artisanat.gateway.ratelimit.RateLimit;

/**
 * The request pipeline on the gateway's Vert.x router. Every request: {@link RequestTracking}, then {@link Cors}.
 * A request under a configured path prefix: the {@link GatewayFilter}s by order, then the proxy. Anything else is the
 * gateway's own (its {@code /q}; its public documents under the {@link RateLimit} too) or a problem+json 404.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    /** The OpenAPI document and Swagger UI, public without a token. */
    private static final String PUBLIC_DOCUMENTS = "/q/(openapi|swagger-ui)(/.*)?";

    void install(@Observes Router router, RouteTable routes, RequestTracking tracking, Cors cors,
            Instance<GatewayFilter> filters, RouteProxies proxies, SuiteApiDocument apiDocument, RateLimit rateLimit,
            BearerAuthentication authentication) {
        router.route().order(-200).handler(tracking::handle);
        router.route().order(-190).handler(cors::handle);
        // the public documents are rate limited per address too; health and metrics are not: an orchestrator's
        // probes must always get their answer, also while the limits' database is away (docs/adr/0016). Metrics need
        // an operator's token.
        router.routeWithRegex(PUBLIC_DOCUMENTS).order(-180).handler(rateLimit::handlePublic);
        router.get("/q/openapi").handler(apiDocument::serve);
        router.routeWithRegex(OperatorsOnly.PATHS).order(-180).handler(authentication::authenticate).handler(OperatorsOnly::authorize);
        List<GatewayFilter> ordered = filters.stream().sorted(Comparator.comparingInt(GatewayFilter::order)).toList();
        for (RouteDefinition definition : routes.routes()) {
            for (String prefix : definition.paths()) {
                // the prefix itself and what lies under it, never /v1/conventions-of-others for /v1/conventions
                Route route = router.routeWithRegex(Pattern.quote(prefix) + "(/.*)?").handler(context -> {
                    // filters may finish later (a token check): no body byte is lost meanwhile
                    context.request().pause();
                    RequestTracking.route(context, definition);
                    if (context.request().version() == HttpVersion.HTTP_1_0) {
                        // the proxy would hold a whole response in memory for a client that cannot take it chunked
                        new Problem(505, "http-version-not-supported", "HTTP version not supported",
                                "The gateway streams bodies: use HTTP/1.1").send(context);
                        return;
                    }
                    if (!context.normalizedPath().equals(context.request().path())) {
                        // dot segments or encoded characters that need none: the service must see what was routed
                        new Problem(400, "non-canonical-path", "Invalid request",
                                "The path must be sent in its canonical form: " + context.normalizedPath()).send(context);
                        return;
                    }
                    context.next();
                });
                ordered.forEach(filter -> route.handler(context -> filter.handle(context, definition)));
                route.handler(context -> proxies.forward(definition, context.request()));
            }
        }
        router.errorHandler(404, context -> Problem.notFound(context.normalizedPath()).send(context));
        router.errorHandler(405, context -> new Problem(405, "method-not-allowed", "Method not allowed",
                context.request().method() + " is not allowed on " + context.normalizedPath()).send(context));
        router.errorHandler(500, context -> {
            LOG.errorf(context.failure(), "Unexpected failure on %s", context.normalizedPath());
            if (!context.response().headWritten()) {
                Problem.internal().send(context);
            }
        });
    }
}
