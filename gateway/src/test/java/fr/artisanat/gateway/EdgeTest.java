package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What the gateway does itself, in front of {@link TestUpstream}: headers, limits, timeouts, retries, CORS, errors. */
@QuarkusTest
@QuarkusTestResource(TestUpstream.class)
class EdgeTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void endToEndRequestHeadersPassAndHopByHopOnesStop() throws Exception {
        String token = Tokens.admin();
        String response = RoutingIT.rawExchange(port, "GET /v1/echo?q=1 HTTP/1.1", "Authorization: Bearer " + token + "\n" + """
                Connection: close, X-Client-Hop
                X-Client-Hop: secret
                Keep-Alive: timeout=5
                TE: trailers
                Proxy-Authorization: Basic c2VjcmV0
                traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
                tracestate: suite=1
                If-Match: "3"
                Idempotency-Key: key-1
                X-Request-Id: edge-test-1
                """);
        JsonNode echoed = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        JsonNode headers = echoed.path("headers");
        assertEquals("/v1/echo?q=1", echoed.path("uri").asText());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", headers.path("traceparent").asText());
        assertEquals("suite=1", headers.path("tracestate").asText());
        assertEquals("\"3\"", headers.path("if-match").asText());
        assertEquals("key-1", headers.path("idempotency-key").asText());
        assertEquals("edge-test-1", headers.path("x-request-id").asText());
        // the service verifies the token again
        assertEquals("Bearer " + token, headers.path("authorization").asText());
        for (String hop : new String[] { "x-client-hop", "keep-alive", "te", "proxy-authorization" }) {
            assertFalse(headers.has(hop), hop + " reached the upstream: " + headers);
        }
        assertFalse(headers.path("connection").asText().toLowerCase().contains("x-client-hop"), headers.toString());
    }

    @Test
    void endToEndResponseHeadersPassHopByHopOnesStopAndUrlsPointAtTheGateway() {
        String gateway = "http://localhost:" + port;
        given().get("/v1/echo").then().statusCode(200)
                .header("ETag", "\"7\"")
                .header("Retry-After", "120")
                .header("Location", gateway + "/v1/echo/created")
                .header("Link", "<" + gateway + "/v1/echo?cursor=abc>; rel=\"next\"")
                .header("Keep-Alive", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("X-Upstream-Hop", nullValue());
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeGives504() {
        given().header("X-Request-Id", "edge-slow").get("/v1/slow").then().statusCode(504).contentType(PROBLEM)
                .body("type", equalTo("/problems/upstream-timeout"))
                .body("status", equalTo(504))
                .body("instance", equalTo("/v1/slow"))
                .body("requestId", equalTo("edge-slow"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{route=\"test\",status=\"504\",upstream=\"test\"}"));
    }

    @Test
    void anUpstreamThatCannotBeReachedGives503WithRetryAfter() {
        given().get("/v1/down/anything").then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", not(nullValue()))
                .body("type", equalTo("/problems/upstream-unavailable"));
        given().contentType("application/json").body("{}").post("/v1/down").then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", not(nullValue()));
    }

    @Test
    void aRequestThatReachedTheUpstreamIsNeverSentTwice() {
        for (String method : new String[] { "POST", "GET" }) {
            AtomicInteger arrivals = TestUpstream.BROKEN_ARRIVALS.computeIfAbsent(method, m -> new AtomicInteger());
            int before = arrivals.get();
            Response response = given().contentType("application/json").body("{}").request(method, "/v1/broken");
            response.then().statusCode(502).contentType(PROBLEM).body("type", equalTo("/problems/bad-gateway"));
            assertEquals(before + 1, arrivals.get(), method + " arrived once");
        }
    }

    @Test
    void aBodyOverTheRoutesLimitGets413() throws Exception {
        given().contentType("application/json").body("x".repeat(1025)).post("/v1/echo").then().statusCode(413)
                .contentType(PROBLEM).body("type", equalTo("/problems/payload-too-large"));
        given().contentType("application/json").body("x".repeat(1024)).post("/v1/echo").then().statusCode(200)
                .body("bodyLength", equalTo(1024));
        // no declared length: counted as it streams
        String chunk = Integer.toHexString(700) + "\r\n" + "x".repeat(700) + "\r\n";
        String response = RoutingIT.rawExchange(port, "POST /v1/echo HTTP/1.1", "Authorization: Bearer " + Tokens.admin()
                + "\nTransfer-Encoding: chunked\nContent-Type: text/plain\n", chunk + chunk + "0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains(PROBLEM), response);
    }

    @Test
    void allowedOriginsGetTheirPreflightAnsweredAtTheGateway() {
        given().header("Origin", "https://partners.example.org").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "if-match, content-type").options("/v1/echo")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://partners.example.org")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://partners.example.org").get("/v1/echo").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://partners.example.org")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void otherOriginsAreRefused() {
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "DELETE")
                .options("/v1/echo").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("/problems/cors-origin-refused"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example.com").get("/v1/echo").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void whatNoRouteServesIsAProblem() throws Exception {
        given().get("/v1/nowhere").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/not-found")).body("$", hasKey("requestId"));
        String nonCanonical = RoutingIT.rawExchange(port, "GET /v1/echo/a/../b HTTP/1.1", "");
        assertTrue(nonCanonical.startsWith("HTTP/1.1 400"), nonCanonical);
        String oldHttp = RoutingIT.rawExchange(port, "GET /v1/echo HTTP/1.0", "");
        assertTrue(oldHttp.startsWith("HTTP/1.0 505") || oldHttp.startsWith("HTTP/1.1 505"), oldHttp);
    }
}
