package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.Tokens;
import io.restassured.http.Header;

/**
 * Two packaged gateways on one database share one rate limit: what a partner system (a real client-credentials token)
 * used on the first counts on the second, which answers 429 problem+json with Retry-After once the budget is spent.
 * The system has a budget of three requests an hour, in a schema of this test's own.
 */
@ExtendWith(RunningSuite.class)
class SharedRateLimitIT {

    private static final String SCHEMA = "gateway_shared_limit_it";
    private static final String SYSTEM = "valence-romans-agglo-system";
    private static final String POLICY = "\"client:" + SYSTEM + "\"";

    @Test
    void aBudgetSpentOnOneInstanceIsSpentOnTheOther() throws SQLException {
        Map<String, String> threeAnHour = Map.of(
                "db.schema", SCHEMA,
                "gateway.rate-limits.clients." + SYSTEM + ".requests", "3",
                "gateway.rate-limits.clients." + SYSTEM + ".per", "1h");
        List<ServiceProcess> gateways = new ArrayList<>();
        try {
            for (String name : List.of("gateway-limit-a", "gateway-limit-b")) {
                gateways.add(RunningSuite.startGateway(name, RunningSuite.conventions().port(), RunningSuite.registry().port(),
                        threeAnHour));
            }
            try (Connection connection = SuiteDatabase.connect(SCHEMA); Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from rate_limit_bucket"); // a full budget, also on a second run
            }
            int first = gateways.get(0).port();
            int second = gateways.get(1).port();
            Header system = BearerTokens.as(Tokens.client(SYSTEM));

            for (int remaining = 2; remaining >= 0; remaining--) {
                given().port(first).header(system).get("/v1/conventions?limit=1").then().statusCode(200)
                        .header("RateLimit-Policy", POLICY + ";q=3;w=3600")
                        .header("RateLimit", startsWith(POLICY + ";r=" + remaining + ";t="));
            }
            given().port(second).header(system).get("/v1/conventions?limit=1").then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .header("RateLimit", startsWith(POLICY + ";r=0;t="))
                    .body("type", equalTo("/problems/too-many-requests"))
                    .body("status", equalTo(429));
            given().port(first).header(system).get("/v1/establishments?limit=1").then().statusCode(429);
            // another caller is not held back; health answers whatever the budget: an orchestrator's probes are never refused
            given().port(second).get("/v1/conventions?limit=1").then().statusCode(200);
            given().port(second).get("/q/health/ready").then().statusCode(200);
            given().port(second).get("/q/metrics").then().statusCode(200)
                    .body(containsString("gateway_rate_limit_refused_total{policy=\"client:" + SYSTEM + "\",route=\"conventions\"} 1.0"));
        } finally {
            gateways.forEach(ServiceProcess::close);
        }
    }
}
