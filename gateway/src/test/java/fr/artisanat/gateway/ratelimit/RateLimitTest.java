package fr.artisanat.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.gateway.TestUpstream;
import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.Tokens;
import io.restassured.http.Header;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The rate limit in front of {@link TestUpstream}, with real tokens of the test realm: a partner system with a budget
 * of its own (two requests an hour) gets the headers of the IETF draft on what it counts, then 429 problem+json with
 * Retry-After before anything reaches the service, while another system goes on; two people logged in through one
 * client each have their own budget; without a token, the gateway's public documents count per address, its health
 * never.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    private static final String SYSTEM = "valence-romans-agglo-system";

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limits.clients." + SYSTEM + ".requests", "2",
                    "gateway.rate-limits.clients." + SYSTEM + ".per", "1h",
                    "gateway.rate-limits.clients." + Tokens.TEST_CLIENT + ".requests", "1",
                    "gateway.rate-limits.clients." + Tokens.TEST_CLIENT + ".per", "1h",
                    "gateway.rate-limits.anonymous.requests", "2",
                    "gateway.rate-limits.anonymous.per", "1h");
        }
    }

    @BeforeEach
    void fullBudgets() throws SQLException {
        try (Connection connection = SuiteDatabase.connect("gateway"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_bucket");
        }
    }

    @Test
    void overItsBudgetAClientGets429WithRetryAfterAndNothingReachesTheService() {
        Header system = BearerTokens.as(Tokens.client(SYSTEM));
        String policy = "\"client:" + SYSTEM + "\"";
        given().header(system).get("/v1/echo").then().statusCode(200)
                .header("RateLimit-Policy", policy + ";q=2;w=3600")
                .header("RateLimit", startsWith(policy + ";r=1;t="));
        given().header(system).get("/v1/echo").then().statusCode(200).header("RateLimit", startsWith(policy + ";r=0;t="));

        AtomicInteger arrivals = TestUpstream.BROKEN_ARRIVALS.computeIfAbsent("POST", method -> new AtomicInteger());
        int before = arrivals.get();
        given().header(system).contentType("application/json").body("{}").post("/v1/broken").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", policy + ";q=2;w=3600")
                .header("RateLimit", startsWith(policy + ";r=0;t="))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/v1/broken"));
        assertEquals(before, arrivals.get(), "a refused request reached the service");

        // another partner system has a budget of its own
        given().header(BearerTokens.as(Tokens.client("cma-aura-crm"))).get("/v1/echo").then().statusCode(200)
                .header("RateLimit-Policy", startsWith("\"role:partner-system\""));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_rate_limit_refused_total{policy=\"client:" + SYSTEM + "\",route=\"test\"} 1.0"));
    }

    /** Concurrent requests of one caller queue on its bucket's lock: never more than its budget (one, here). */
    @Test
    void aBurstOfConcurrentRequestsGetsExactlyTheBudget() throws Exception {
        Header officer = BearerTokens.as(Tokens.user("metropole-officer"));
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(callers.submit(() -> given().header(officer).get("/v1/echo").statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, answered.stream().filter(status -> status == 200).count(), "granted: " + answered);
            assertEquals(11, answered.stream().filter(status -> status == 429).count(), "refused: " + answered);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void twoPeopleLoggedInThroughOneClientEachHaveTheirBudget() {
        given().header(BearerTokens.as(Tokens.user("valence-romans-officer"))).get("/v1/echo").then().statusCode(200);
        given().header(BearerTokens.as(Tokens.user("valence-romans-officer"))).get("/v1/echo").then().statusCode(429);
        given().header(BearerTokens.as(Tokens.user("cma-aura-adviser"))).get("/v1/echo").then().statusCode(200);
    }

    @Test
    void withoutATokenThePublicDocumentsCountPerAddressAndHealthNever() {
        // Swagger UI: the merged document would need the services, which this test does not run
        // (its page redirects to itself once: not followed, one request each)
        BearerTokens.anonymous().redirects().follow(false).get("/q/swagger-ui").then().statusCode(lessThan(400))
                .header("RateLimit-Policy", "\"anonymous\";q=2;w=3600");
        BearerTokens.anonymous().redirects().follow(false).get("/q/swagger-ui").then().statusCode(lessThan(400));
        BearerTokens.anonymous().get("/q/openapi").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // ready or not (this test runs no services behind the gateway), health is never counted
        BearerTokens.anonymous().get("/q/health/ready").then().statusCode(not(429)).header("RateLimit-Policy", nullValue());
        // (the metrics are the operators': read as the admin)
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_rate_limit_refused_total{policy=\"anonymous\",route=\"gateway\"} 1.0"));
    }
}
