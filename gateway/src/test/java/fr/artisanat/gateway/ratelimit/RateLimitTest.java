package fr.artisanat.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.gateway.TestUpstream;
import fr.artisanat.platform.testing.SuiteDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The rate limit in front of {@link TestUpstream}, for requests without a token (per address), with a budget of two
 * requests an hour: the headers of the IETF draft on what it counts, then 429 problem+json with Retry-After, before
 * anything reaches the service; the gateway's public documents count too, its health does not.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TwoAnHour.class)
class RateLimitTest {

    public static class TwoAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limits.anonymous.requests", "2", "gateway.rate-limits.anonymous.per", "1h");
        }
    }

    @BeforeEach
    void fullBudget() throws SQLException {
        try (Connection connection = SuiteDatabase.connect("gateway");
                PreparedStatement delete = connection.prepareStatement("delete from rate_limit_bucket where id like ?")) {
            delete.setString(1, "address:%|anonymous|2/3600s");
            delete.executeUpdate();
        }
    }

    @Test
    void overItsBudgetACallerGets429WithRetryAfterAndNothingReachesTheService() {
        given().get("/v1/echo").then().statusCode(200)
                .header("RateLimit-Policy", "\"anonymous\";q=2;w=3600")
                .header("RateLimit", startsWith("\"anonymous\";r=1;t="));
        given().get("/v1/echo").then().statusCode(200).header("RateLimit", startsWith("\"anonymous\";r=0;t="));

        AtomicInteger arrivals = TestUpstream.BROKEN_ARRIVALS.computeIfAbsent("POST", method -> new AtomicInteger());
        int before = arrivals.get();
        given().contentType("application/json").body("{}").post("/v1/broken").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"anonymous\";q=2;w=3600")
                .header("RateLimit", startsWith("\"anonymous\";r=0;t="))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/v1/broken"));
        assertEquals(before, arrivals.get(), "a refused request reached the service");

        // the gateway's public documents take from the same budget; its health never does
        given().get("/q/openapi").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_rate_limit_refused_total{policy=\"anonymous\",route=\"test\"} 1.0"))
                .body(containsString("gateway_rate_limit_refused_total{policy=\"anonymous\",route=\"gateway\"} 1.0"));
    }
}
