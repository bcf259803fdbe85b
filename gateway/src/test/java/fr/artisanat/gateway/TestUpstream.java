package fr.artisanat.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.artisanat.platform.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A tiny HTTP server standing for a service where the real ones cannot show what the gateway does: it echoes the
 * headers it received, answers late, or breaks off after reading a request (counting arrivals). The gateway under
 * {@code @QuarkusTest} routes {@code /v1/echo}, {@code /v1/slow} and {@code /v1/broken} to it (route {@code test},
 * timeout 1 s, bodies up to 1 KiB) and {@code /v1/down} to a port where nothing listens.
 */
public class TestUpstream implements QuarkusTestResourceLifecycleManager {

    /** Arrivals at /v1/broken, by method. */
    public static final Map<String, AtomicInteger> BROKEN_ARRIVALS = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/v1/echo", exchange -> echo(exchange, origin));
        server.createContext("/v1/slow", exchange -> {
            sleep(5_000);
            respond(exchange, 200, "late");
        });
        server.createContext("/v1/broken", exchange -> {
            BROKEN_ARRIVALS.computeIfAbsent(exchange.getRequestMethod(), method -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            // no status line: the connection closes in the middle of the exchange
            exchange.close();
        });
        server.start();
        return Map.of(
                "gateway.upstreams.test.url", origin,
                "gateway.routes.test.upstream", "test",
                "gateway.routes.test.paths", "/v1/echo,/v1/slow,/v1/broken",
                "gateway.routes.test.timeout", "1s",
                "gateway.routes.test.max-body-size", "1K",
                "gateway.upstreams.down.url", "http://127.0.0.1:" + ServiceProcess.freePort(),
                "gateway.routes.down.upstream", "down",
                "gateway.routes.down.paths", "/v1/down",
                "gateway.cors.origins", "https://partners.example.org");
    }

    /** 200 with the request as JSON (method, uri, headers with lower-case names, body length). */
    private static void echo(HttpExchange exchange, String origin) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        long length;
        try (InputStream body = exchange.getRequestBody()) {
            length = body.readAllBytes().length;
        }
        var response = exchange.getResponseHeaders();
        response.add("ETag", "\"7\"");
        response.add("Retry-After", "120");
        response.add("Location", origin + "/v1/echo/created");
        response.add("Link", "<" + origin + "/v1/echo?cursor=abc>; rel=\"next\"");
        response.add("Keep-Alive", "timeout=5");
        response.add("Proxy-Authenticate", "Basic realm=upstream");
        response.add("X-Upstream-Hop", "secret");
        response.add("Connection", "X-Upstream-Hop");
        respond(exchange, 200, new ObjectMapper().writeValueAsString(Map.of("method", exchange.getRequestMethod(),
                "uri", exchange.getRequestURI().toString(), "headers", headers, "bodyLength", length)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
