package fr.artisanat.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the gateway routes, as configuration (application.properties, or environment variables such as
 * {@code GATEWAY_UPSTREAMS__CONVENTION_SERVICE__URL}): adding a service is adding an upstream and a route here.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services, by name (the name is the {@code upstream} of routes, logs and metrics). */
    Map<String, Upstream> upstreams();

    /** Named groups of path prefixes sent to one upstream with the same limits; the name tags logs and metrics. */
    Map<String, Route> routes();

    Cors cors();

    OpenApi openapi();

    Auth auth();

    /** The identity provider whose bearer tokens the gateway accepts (docs/adr/0014). */
    interface Auth {
        /** Where the gateway reaches the realm, e.g. {@code http://127.0.0.1:18180/realms/partnerships}. */
        String serverUrl();

        /** The issuer the tokens name: the realm's URL as browsers see it (the server URL unless they differ). */
        String issuer();

        /** The audience every token meant for the suite carries. */
        @WithDefault("partnerships-api")
        String audience();

        /** The realm's signing keys (JWKS), under the server URL. */
        @WithDefault("/protocol/openid-connect/certs")
        String jwksPath();

        /** How long the keys are used before they are fetched again; a token with an unknown key id fetches sooner. */
        @WithDefault("10m")
        Duration keysMaxAge();

        /** Tolerated difference between the provider's clock and the gateway's, for expiry and not-before. */
        @WithDefault("10s")
        Duration clockSkew();
    }

    interface OpenApi {
        /** The server of the suite's OpenAPI document: the gateway's public URL. */
        @WithDefault("http://localhost:8080")
        String serverUrl();
    }

    interface Upstream {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Extra attempts of an idempotent request whose connection could not be made; never for POST or PATCH. */
        @WithDefault("1")
        int connectRetries();

        /** Pooled keep-alive connections (HTTP/1.1: one per request in flight, an upload holds one throughout). */
        @WithDefault("200")
        int maxConnections();

        @WithDefault("/q/health/ready")
        String readinessPath();

        /** Where the service serves its OpenAPI document (JSON with {@code ?format=json}), merged by the gateway. */
        @WithDefault("/q/openapi")
        String openapiPath();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Failed calls (no connection, timeout) within 10 s that open the circuit. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit refuses calls before it lets one trial through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Route {
        /** Path prefixes, the same at the gateway and in the service: {@code /v1/conventions} takes its sub-paths too. */
        List<String> paths();

        String upstream();

        /** How long the upstream may take to start its response once the request is sent: 504 after. */
        @WithDefault("30s")
        Duration timeout();

        /** Largest request body: 413 above. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    interface Cors {
        /** Origins allowed to call from a browser, e.g. {@code https://partners.example.org}; none by default. */
        Optional<List<String>> origins();

        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE")
        List<String> methods();

        @WithDefault("Accept,Authorization,Content-Type,If-Match,If-None-Match,Idempotency-Key,X-Request-Id,traceparent,tracestate")
        List<String> headers();

        @WithDefault("ETag,Location,Link,Retry-After,X-Request-Id,Idempotent-Replayed,Content-Disposition,WWW-Authenticate")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();
    }
}
