package fr.artisanat.gateway.edge;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * First handler of every request: takes the caller's {@code X-Request-Id} (or makes one), which the proxy passes to
 * the service and the response echoes; when the response ends, writes one JSON access log line and records the
 * request in the {@code gateway.requests} timer (route, upstream, status). Never logs a header value, a query string
 * or a body: they may hold tokens or personal data.
 */
@ApplicationScoped
public class RequestTracking {

    public static final String HEADER = "X-Request-Id";
    /** Same rule as the services (platform's RequestIds): the id is echoed into logs and Kafka headers. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String REQUEST_ID = "gateway.request-id";
    private static final String ROUTE = "gateway.route";
    private static final Logger ACCESS_LOG = Logger.getLogger("gateway.access");

    private final MeterRegistry registry;

    RequestTracking(MeterRegistry registry) {
        this.registry = registry;
    }

    public static String requestId(RoutingContext context) {
        return context.get(REQUEST_ID);
    }

    /** Names the route that serves the request, for the log line and the metrics. */
    public static void route(RoutingContext context, RouteDefinition route) {
        context.put(ROUTE, route);
    }

    public void handle(RoutingContext context) {
        long start = System.nanoTime();
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        context.put(REQUEST_ID, id);
        // the proxy passes the request's headers on: the service logs and publishes with the same id
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        context.addEndHandler(ended -> record(context, System.nanoTime() - start));
        context.next();
    }

    private void record(RoutingContext context, long nanos) {
        RouteDefinition route = context.get(ROUTE);
        String routeName = route == null ? "gateway" : route.name();
        String upstream = route == null ? "none" : route.upstream();
        int status = context.response().getStatusCode();
        Timer.builder("gateway.requests").description("Requests through the gateway, by route, upstream and status")
                .tag("route", routeName).tag("upstream", upstream).tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
        ACCESS_LOG.info(new JsonObject()
                .put("time", Instant.now().toString())
                .put("requestId", requestId(context))
                .put("method", context.request().method().name())
                .put("path", context.normalizedPath())
                .put("route", routeName)
                .put("upstream", upstream)
                .put("status", status)
                .put("durationMs", Math.round(nanos / 1e4) / 100.0)
                .put("bytesSent", context.response().bytesWritten())
                .encode());
    }
}
