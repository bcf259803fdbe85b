package fr.artisanat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real access tokens from the test realm ({@link TestRealm}), issued by Keycloak as for any caller: the admin's, a
 * demo user's, a demo client's. Passwords and secrets come from the committed realm file; nothing fakes an identity.
 * Each token is kept until shortly before it expires.
 * <p>
 * Users log in by password through {@value #TEST_CLIENT}, a confidential client for the tests only, created through
 * the admin API when the realm lacks it: the committed realm has no client that takes passwords (browsers use the
 * authorization code flow with PKCE, systems client credentials).
 */
public final class Tokens {

    public static final String TEST_CLIENT = "partnerships-tests";
    /** Renewed this long before it expires, so that no request carries a token that expires on the way. */
    private static final long MARGIN_SECONDS = 30;

    private record Issued(String token, Instant renewAfter) {
    }

    private static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();
    /**
     * One login at a time per identity: threads that find its token expired wait for the one renewing it, as a real
     * client would. The realm's brute-force protection refuses concurrent logins of one user ("Invalid user
     * credentials"), which the many threads of a load test would otherwise make at each renewal.
     */
    private static final Map<String, Object> RENEWALS = new ConcurrentHashMap<>();
    private static String testClientSecret;

    private Tokens() {
    }

    /** The demo user {@code admin}: role admin, no partner. */
    public static String admin() {
        return user("admin");
    }

    /** A demo user of the realm file, e.g. {@code cmar-paca-adviser}, logged in with its password. */
    public static String user(String username) {
        return cached("user " + username, () -> {
            String password = entry("users", "username", username).path("credentials").path(0).path("value").asText();
            return TestRealm.token(TestRealm.tokenEndpoint(), Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                    "client_secret", testClientSecret(), "username", username, "password", password));
        });
    }

    /** A confidential client of the realm file, e.g. {@code valence-romans-agglo-system}, by client credentials. */
    public static String client(String clientId) {
        return cached("client " + clientId, () -> TestRealm.token(TestRealm.tokenEndpoint(), Map.of(
                "grant_type", "client_credentials", "client_id", clientId,
                "client_secret", entry("clients", "clientId", clientId).path("secret").asText())));
    }

    /** The claims of a token, as the provider wrote them (no verification: it is one of ours). */
    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    static JsonNode part(String token, int index) {
        try {
            return TestRealm.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One login at a time per identity: threads that find the token expired wait for the one renewing it, as a real
     * client would. The realm's brute-force protection refuses concurrent logins of one user ("Invalid user
     * credentials"), which the many threads of a load test would otherwise make at each renewal.
     */
    private static String cached(String who, Supplier<JsonNode> grant) {
        synchronized (RENEWALS.computeIfAbsent(who, key -> new Object())) {
            Issued issued = ISSUED.get(who);
            if (issued == null || Instant.now().isAfter(issued.renewAfter())) {
                JsonNode answer = grant.get();
                issued = new Issued(answer.path("access_token").asText(),
                        Instant.now().plusSeconds(answer.path("expires_in").asLong() - MARGIN_SECONDS));
                ISSUED.put(who, issued);
            }
            return issued.token();
        }
    }

    private static JsonNode entry(String list, String key, String value) {
        for (JsonNode entry : TestRealm.realmFile().path(list)) {
            if (value.equals(entry.path(key).asText())) {
                return entry;
            }
        }
        throw new IllegalArgumentException("The realm file has no " + list + " entry with " + key + " " + value);
    }

    /** The tests' client: created when missing (first test of a run), its secret read back from the admin API. */
    private static synchronized String testClientSecret() {
        if (testClientSecret == null) {
            JsonNode found = TestRealm.admin("GET", "/clients?clientId=" + TEST_CLIENT, null, 200);
            if (found.isEmpty()) {
                Map<String, Object> client = new LinkedHashMap<>();
                client.put("clientId", TEST_CLIENT);
                client.put("name", "Tests of the suite (created by the tests, never in the committed realm)");
                client.put("publicClient", false);
                client.put("standardFlowEnabled", false);
                client.put("directAccessGrantsEnabled", true);
                TestRealm.admin("POST", "/clients", client, 201);
                found = TestRealm.admin("GET", "/clients?clientId=" + TEST_CLIENT, null, 200);
            }
            testClientSecret = TestRealm.admin("GET", "/clients/" + found.path(0).path("id").asText() + "/client-secret",
                    null, 200).path("value").asText();
        }
        return testClientSecret;
    }
}
