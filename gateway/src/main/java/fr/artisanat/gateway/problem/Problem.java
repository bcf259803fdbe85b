package fr.artisanat.gateway.problem;

import java.time.Duration;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.edge.RequestTracking;

/**
 * An RFC 9457 problem the gateway itself answers, with the shape of the services' ({@code fr.artisanat.platform.problem.Problem},
 * the {@code Problem} schema of the suite's OpenAPI document): type {@code /problems/<slug>}, title, status, detail,
 * instance (the path) and requestId. Written with Vert.x JSON: the platform's class lives among JAX-RS and Hibernate.
 */
public record Problem(int status, String slug, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem notFound(String path) {
        return new Problem(404, "not-found", "Not found", "No route of the gateway serves " + path);
    }

    public static Problem tooLarge(String route, long limit) {
        return new Problem(413, "payload-too-large", "Payload too large",
                "The body is larger than the " + limit + " bytes that route " + route + " accepts");
    }

    public static Problem tooManyRequests(long requests, Duration per, long retryAfterSeconds) {
        return new Problem(429, "too-many-requests", "Too many requests", "The rate limit of " + requests
                + " requests per " + per.toSeconds() + " s is used up; retry in " + retryAfterSeconds + " s (Retry-After)");
    }

    public static Problem upstreamTimeout(String upstream, long timeoutMillis) {
        return new Problem(504, "upstream-timeout", "Upstream timeout",
                upstream + " did not answer within " + timeoutMillis + " ms");
    }

    public static Problem upstreamUnavailable(String upstream) {
        return new Problem(503, "upstream-unavailable", "Service unavailable",
                upstream + " cannot be reached; retry after the delay given in Retry-After");
    }

    public static Problem circuitOpen(String upstream) {
        return new Problem(503, "upstream-unavailable", "Service unavailable",
                upstream + " failed repeatedly and is given time to recover; retry after the delay given in Retry-After");
    }

    public static Problem badGateway(String upstream) {
        return new Problem(502, "bad-gateway", "Bad gateway",
                upstream + " closed the connection without a complete response");
    }

    public static Problem originRefused(String origin) {
        return new Problem(403, "cors-origin-refused", "Origin not allowed",
                "Cross-origin requests from " + origin + " are not allowed");
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail);
    }

    public static Problem identityProviderUnavailable() {
        return new Problem(503, "identity-provider-unavailable", "Service unavailable",
                "Bearer tokens cannot be verified now: the identity provider's keys cannot be had; retry after the delay "
                        + "given in Retry-After");
    }

    public static Problem internal() {
        return new Problem(500, "internal", "Internal error",
                "An unexpected error occurred in the gateway; quote the request id when reporting it");
    }

    public Buffer body(String instance, String requestId) {
        JsonObject json = new JsonObject().put("type", "/problems/" + slug).put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance);
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }

    /** Ends the exchange with this problem, closing the connection if a body was left unread (e.g. a refused upload). */
    public void send(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(context.normalizedPath(), RequestTracking.requestId(context)))
                .onComplete(sent -> {
                    if (!request.isEnded()) {
                        request.connection().close();
                    }
                });
    }
}
