package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.BearerTokenContract;
import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway checks bearer tokens before routing (issue 10), in front of {@link TestUpstream}: it refuses what every
 * service refuses ({@link BearerTokenContract}), passes the Authorization header on, and hands the verified claims to
 * the filters after it. Its own paths need no token, but for its metrics.
 */
@QuarkusTest
@QuarkusTestResource(TestUpstream.class)
class AuthenticationTest extends BearerTokenContract {

    @Override
    protected String protectedPath() {
        return "/v1/echo";
    }

    @Test
    void theTokenPassesOnAndItsClaimsReachTheNextFilters() {
        String token = Tokens.client("cma-aura-crm");
        given().header(BearerTokens.as(token)).get("/v1/echo").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.'" + VerifiedTokenProbe.HEADER.toLowerCase() + "'", equalTo("cma-aura-crm"));
    }

    @Test
    void aRefusedRequestNeverReachesTheUpstream() {
        AtomicInteger arrivals = TestUpstream.BROKEN_ARRIVALS.computeIfAbsent("POST", method -> new AtomicInteger());
        int before = arrivals.get();
        BearerTokens.anonymous().contentType("application/json").body("{}").post("/v1/broken").then().statusCode(401);
        BearerTokens.anonymous().header(BearerTokens.as("not-a-token")).contentType("application/json").body("{}")
                .post("/v1/broken").then().statusCode(401);
        assertEquals(before, arrivals.get(), "refused requests reached the upstream");
        // an upstream that is down is not even tried
        BearerTokens.anonymous().get("/v1/down/anything").then().statusCode(401);
    }

    @Test
    void aFrontendOfAnAllowedOriginCanReadTheChallenge() {
        BearerTokens.anonymous().header("Origin", "https://partners.example.org").get("/v1/echo").then().statusCode(401)
                .header("Access-Control-Allow-Origin", "https://partners.example.org")
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
    }

    /** The public entry point's metrics (routes, statuses, callers refused) are the operators'. */
    @Test
    void theGatewaysMetricsNeedAnAdminsToken() {
        BearerTokens.anonymous().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        BearerTokens.anonymous().header(BearerTokens.as(Tokens.client("cma-aura-crm"))).get("/q/metrics").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        BearerTokens.anonymous().header(BearerTokens.as(Tokens.admin())).get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds"));
    }

    @Test
    void theGatewaysOwnPathsNeedNoToken() {
        BearerTokens.anonymous().get("/q/health/ready").then().statusCode(200);
        BearerTokens.anonymous().get("/q/swagger-ui/").then().statusCode(200);
        BearerTokens.anonymous().header(BearerTokens.as("not-a-token")).get("/q/health/live").then().statusCode(200);
    }
}
