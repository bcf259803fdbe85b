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

    RateLimits rateLimits();

    /**
     * Requests per caller, counted in PostgreSQL so that every gateway instance takes from the same budget
     * (docs/adr/0016). A verified token's client gets its own entry ({@code clients.<azp>}), else the most generous
     * entry of its realm roles ({@code roles.<role>}), else {@code authenticated}; a request without a token counts
     * per remote address ({@code anonymous}).
     */
    interface RateLimits {
        Limit anonymous();

        Limit authenticated();

        Map<String, Limit> roles();

        Map<String, Limit> clients();

        RateLimitStore store();
    }

    /** So many requests per period, refilled smoothly: 600 per 1m is 10 a second, and up to 600 at once. */
    interface Limit {
        long requests();

        @WithDefault("1m")
        Duration per();
    }

    interface RateLimitStore {
        /** How long a request waits for its bucket in PostgreSQL before it goes on without a limit (fail open). */
        @WithDefault("2s")
        Duration timeout();

        /** Failed or late decisions within 10 s that open the store's circuit: then nothing waits for PostgreSQL. */
        @WithDefault("3")
        int failures();

        /** How long an open circuit lets requests go on unlimited before one decision is tried again. */
        @WithDefault("10s")
        Duration openFor();

        /** Threads that may wait for PostgreSQL at once (JDBC blocks: never on the event loop). */
        @WithDefault("8")
        int workers();
    }

    interface OpenApi {
        /** The server of the suite's OpenAPI document: the gateway's public URL; {@code /}, where the document was read. */
        @WithDefault("/")
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

        @WithDefault("ETag,Location,Link,Retry-After,RateLimit,RateLimit-Policy,X-Request-Id,Idempotent-Replayed,Content-Disposition,WWW-Authenticate")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();
    }
}
