package fr.artisanat.gateway.proxy;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

import fr.artisanat.gateway.routing.RouteDefinition;
import fr.artisanat.gateway.routing.RouteTable;

/** One Vert.x reverse proxy per route, on its upstream's connection pool and circuit breaker. */
@ApplicationScoped
public class RouteProxies {

    private final Map<String, HttpProxy> byRoute = new HashMap<>();

    RouteProxies(RouteTable routes, Upstreams upstreams) {
        for (RouteDefinition route : routes.routes()) {
            Upstream upstream = upstreams.get(route.upstream());
            UpstreamCall call = new UpstreamCall(route, upstream);
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), upstream.client());
            proxy.origin(call.origin());
            proxy.addInterceptor(call);
            byRoute.put(route.name(), proxy);
        }
    }

    /** Streams the request to the route's upstream and its response back. */
    public void forward(RouteDefinition route, HttpServerRequest request) {
        byRoute.get(route.name()).handle(request);
    }
}
