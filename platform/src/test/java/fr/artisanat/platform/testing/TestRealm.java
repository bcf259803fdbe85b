package fr.artisanat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm {@code partnerships} of the Keycloak that {@code ./suite test} runs (docs/adr/0014): its URLs, its token
 * endpoint, its admin REST API (as the bootstrap administrator of the master realm) and the committed realm file,
 * where the demo users' passwords and the demo clients' secrets are written once. Needs only the JDK and Jackson, so
 * that every module's tests can use it, the gateway's and the TypeScript clients' included.
 */
public final class TestRealm {

    public static final String NAME = "partnerships";
    /** The audience every token meant for the suite carries. */
    public static final String AUDIENCE = "partnerships-api";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static JsonNode realmFile;

    private TestRealm() {
    }

    /** Where the tests reach the realm: what {@code ./suite test} exports, else the test instance's default port. */
    public static String url() {
        return env("OIDC_SERVER_URL", "http://localhost:28180/realms/" + NAME);
    }

    /** The issuer the tokens name and the services check: the realm as browsers see it. */
    public static String issuer() {
        return env("OIDC_ISSUER", url());
    }

    public static String tokenEndpoint() {
        return url() + "/protocol/openid-connect/token";
    }

    /** The signing keys the realm publishes (JWKS). */
    public static JsonNode keys() {
        return send(HttpRequest.newBuilder(URI.create(url() + "/protocol/openid-connect/certs")).GET(), 200);
    }

    /** A token endpoint call with these form parameters; its JSON answer (access_token, expires_in...). */
    static JsonNode token(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
    }

    /**
     * A call to the realm's admin REST API ({@code /admin/realms/partnerships} + path) as the bootstrap administrator
     * of the master realm; its JSON answer (null when it has none), or the Location of what it created.
     */
    public static JsonNode admin(String method, String path, Object body, int expectedStatus) {
        String server = url().substring(0, url().indexOf("/realms/"));
        String adminToken = token(server + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", env("SUITE_KEYCLOAK_ADMIN_USERNAME", "suite-admin"),
                "password", env("SUITE_KEYCLOAK_ADMIN_PASSWORD", "suite-admin"))).path("access_token").asText();
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + NAME + path))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .method(method, publisher), expectedStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed realm file (infra/keycloak/partnerships-realm.json), found from the module's folder upwards. */
    static synchronized JsonNode realmFile() {
        if (realmFile == null) {
            Path file = Path.of("infra", "keycloak", NAME + "-realm.json");
            for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
                if (Files.exists(folder.resolve(file))) {
                    try {
                        realmFile = JSON.readTree(folder.resolve(file).toFile());
                        return realmFile;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            throw new IllegalStateException(file + " not found above " + Path.of("").toAbsolutePath());
        }
        return realmFile;
    }

    private static JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                        + response.statusCode() + " (expected " + expectedStatus + "): " + response.body());
            }
            if (response.body().isBlank()) {
                return response.headers().firstValue("Location").map(location -> (JsonNode) JSON.getNodeFactory().textNode(location))
                        .orElse(null);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be reached at " + request.build().uri()
                    + ": run the tests with ./suite test, or start it with SUITE_INSTANCE=test ./suite infra-start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
