package fr.artisanat.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fr.artisanat.gateway.config.GatewayConfig;

/**
 * The configured routes, checked once at start-up: a mistake in the configuration stops the gateway instead of
 * routing wrongly. No route may take the gateway's own {@code /q} (health, metrics, OpenAPI): the services' {@code /q}
 * endpoints are never reachable through it.
 */
@ApplicationScoped
public class RouteTable {

    private final List<RouteDefinition> routes;

    RouteTable(GatewayConfig config) {
        List<RouteDefinition> definitions = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        config.routes().forEach((name, route) -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalStateException("Route " + name + " names the unknown upstream " + route.upstream()
                        + "; configured upstreams: " + config.upstreams().keySet());
            }
            for (String path : route.paths()) {
                if (!path.matches("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*") || path.equals("/q") || path.startsWith("/q/")) {
                    throw new IllegalStateException("Route " + name + ": '" + path
                            + "' is not a path prefix such as /v1/conventions, or it is under the gateway's own /q");
                }
                if (!prefixes.add(path)) {
                    throw new IllegalStateException("Path " + path + " is configured on two routes");
                }
            }
            definitions.add(new RouteDefinition(name, List.copyOf(route.paths()), route.upstream(), route.timeout(),
                    route.maxBodySize().asLongValue()));
        });
        definitions.sort(Comparator.comparing(RouteDefinition::name));
        this.routes = List.copyOf(definitions);
    }

    public List<RouteDefinition> routes() {
        return routes;
    }

    /** The routes sent to an upstream. */
    public List<RouteDefinition> of(String upstream) {
        return routes.stream().filter(route -> route.upstream().equals(upstream)).toList();
    }

    /** Whether a path (as the service documents it) is routed to that upstream. */
    public boolean routes(String upstream, String path) {
        return of(upstream).stream().flatMap(route -> route.paths().stream())
                .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
