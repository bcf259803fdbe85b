package fr.artisanat.gateway.proxy;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import fr.artisanat.gateway.edge.RequestTracking;
import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * The call of one route's upstream through the reverse proxy: headers in and out ({@link Headers}), the route's
 * timeout, the upstream's circuit breaker, and a retry of idempotent requests only when no connection could be made
 * (nothing reached the service). Whatever goes wrong becomes a problem+json answer: 503 with Retry-After when the
 * upstream cannot be reached or its circuit is open, 504 when it does not answer in time, 502 when it breaks off.
 */
final class UpstreamCall implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamCall.class);
    /** RFC 9110 idempotent methods: sending them twice has the effect of sending them once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    private static final String ORIGIN_REQUEST = "gateway.origin-request";
    private static final String NOT_CONNECTED = "gateway.not-connected";
    private static final String PROBLEM = "gateway.problem";
    private static final String TOO_LARGE = "gateway.too-large";

    private final RouteDefinition route;
    private final Upstream upstream;

    UpstreamCall(RouteDefinition route, Upstream upstream) {
        this.route = route;
        this.upstream = upstream;
    }

    /** Opens the request to the upstream on a pooled connection, remembering whether the connection failed. */
    OriginRequestProvider origin() {
        return context -> upstream.client().request(new RequestOptions().setServer(upstream.address()))
                .onSuccess(request -> {
                    context.set(ORIGIN_REQUEST, request);
                    context.set(NOT_CONNECTED, Boolean.FALSE);
                })
                .onFailure(failure -> context.set(NOT_CONNECTED, Boolean.TRUE));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Headers.dropHopByHop(request.headers());
        HttpServerRequest incoming = request.proxiedRequest();
        request.putHeader("X-Forwarded-Proto", incoming.scheme());
        request.putHeader("X-Forwarded-For", forwardedFor(incoming));
        Body body = request.getBody();
        request.setBody(Body.body(new StreamedBody(body.stream(), route.maxBodySize(), () -> giveUpTooLarge(context),
                () -> startTimeout(context)), body.length()));
        return upstream.breaker().<ProxyResponse>execute(attempt -> send(context, upstream.config().connectRetries())
                // a body over the limit is the client's failure, not the upstream's: the breaker counts it as a success
                .recover(failure -> Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))
                        ? Future.succeededFuture(problem(context, failure)) : Future.failedFuture(failure))
                .onComplete(attempt))
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    private Future<ProxyResponse> send(ProxyContext context, int retriesLeft) {
        return context.sendRequest().recover(failure -> {
            boolean notConnected = Boolean.TRUE.equals(context.get(NOT_CONNECTED, Boolean.class));
            if (notConnected && retriesLeft > 0 && IDEMPOTENT.contains(context.request().getMethod())) {
                return send(context, retriesLeft - 1);
            }
            return Future.failedFuture(failure);
        });
    }

    /** The route's timeout runs from the moment the whole request has been handed to the upstream. */
    private void startTimeout(ProxyContext context) {
        HttpClientRequest request = context.get(ORIGIN_REQUEST, HttpClientRequest.class);
        if (request != null) {
            request.idleTimeout(route.timeout().toMillis());
        }
    }

    private void giveUpTooLarge(ProxyContext context) {
        context.set(TOO_LARGE, Boolean.TRUE);
        HttpClientRequest request = context.get(ORIGIN_REQUEST, HttpClientRequest.class);
        if (request != null) {
            request.reset();
        }
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        Problem problem;
        boolean retryAfter = false;
        if (Boolean.TRUE.equals(context.get(TOO_LARGE, Boolean.class))) {
            problem = Problem.tooLarge(route.name(), route.maxBodySize());
        } else if (failure instanceof OpenCircuitException) {
            problem = Problem.circuitOpen(upstream.name());
            retryAfter = true;
        } else if (Boolean.TRUE.equals(context.get(NOT_CONNECTED, Boolean.class)) || failure instanceof ConnectException) {
            problem = Problem.upstreamUnavailable(upstream.name());
            retryAfter = true;
        } else if (failure instanceof TimeoutException) {
            problem = Problem.upstreamTimeout(upstream.name(), route.timeout().toMillis());
        } else {
            problem = Problem.badGateway(upstream.name());
        }
        LOG.warnf("%s %s: %s (%s)", route.name(), upstream.name(), problem.title(), failure.toString());
        context.set(PROBLEM, problem);
        HttpServerRequest incoming = context.request().proxiedRequest();
        ProxyResponse response = context.request().response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.body(incoming.path(), incoming.getHeader(RequestTracking.HEADER))));
        if (retryAfter) {
            response.putHeader("Retry-After", Long.toString(upstream.retryAfterSeconds()));
        }
        return response;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        HttpServerRequest incoming = context.request().proxiedRequest();
        if (context.get(PROBLEM, Problem.class) == null) {
            Headers.dropHopByHop(response.headers());
            Headers.rewriteUrls(response.headers(), upstream.origin(), incoming.scheme() + "://" + incoming.authority());
            // the gateway already set these on the response: the service's copy would repeat them
            response.headers().remove(RequestTracking.HEADER);
        }
        return context.sendResponse().andThen(sent -> {
            if (!incoming.isEnded()) {
                // answered before the body was read (refused, upstream down): close rather than read the rest of it
                incoming.connection().close();
            }
        });
    }

    private static String forwardedFor(HttpServerRequest incoming) {
        String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
        String earlier = incoming.getHeader("X-Forwarded-For");
        return earlier == null ? client : earlier + ", " + client;
    }
}
