package fr.artisanat.gateway.proxy;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;

import fr.artisanat.gateway.config.GatewayConfig;

/** The configured upstreams, by name. */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();

    Upstreams(Vertx vertx, GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> byName.put(name, new Upstream(vertx, name, upstream)));
    }

    public Upstream get(String name) {
        return byName.get(name);
    }

    public Iterable<Upstream> all() {
        return byName.values();
    }
}
