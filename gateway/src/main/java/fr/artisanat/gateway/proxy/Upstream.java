package fr.artisanat.gateway.proxy;

import java.net.URI;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.SocketAddress;

import fr.artisanat.gateway.config.GatewayConfig;

/**
 * One service behind the gateway: its address, a pool of keep-alive connections to it, and its circuit breaker,
 * shared by all the routes that lead to it.
 */
public final class Upstream {

    private final String name;
    private final URI url;
    private final SocketAddress address;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final GatewayConfig.Upstream config;

    Upstream(Vertx vertx, String name, GatewayConfig.Upstream config) {
        this.name = name;
        this.config = config;
        this.url = URI.create(config.url());
        if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 0) {
            throw new IllegalStateException("Upstream " + name + ": url must be http://host:port, not " + config.url());
        }
        this.address = SocketAddress.inetSocketAddress(url.getPort(), url.getHost());
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis()).setName("upstream-" + name),
                new PoolOptions().setHttp1MaxSize(config.maxConnections()));
        this.breaker = CircuitBreaker.create("upstream-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(config.circuitBreaker().failures())
                .setResetTimeout(config.circuitBreaker().openFor().toMillis())
                // the proxy times its calls itself (per route); the breaker only counts their failures
                .setTimeout(-1)
                .setNotificationAddress(null));
    }

    public String name() {
        return name;
    }

    /** {@code http://host:port}, as the service writes it into absolute Location and Link headers. */
    public String origin() {
        return "http://" + url.getHost() + ":" + url.getPort();
    }

    public SocketAddress address() {
        return address;
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public GatewayConfig.Upstream config() {
        return config;
    }

    /** Seconds a client should wait before trying again while the upstream is unreachable. */
    public long retryAfterSeconds() {
        return Math.max(1, (config.circuitBreaker().openFor().toMillis() + 999) / 1000);
    }
}
