package fr.artisanat.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.ServiceProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The rate limits' PostgreSQL cannot be reached (nothing listens at its address): requests go on without a limit
 * (fail open, docs/adr/0016) instead of failing, counted; after a few failures the store's circuit opens, so that
 * none waits for it, and readiness says the gateway is degraded while it stays UP.
 */
@QuarkusTest
@TestProfile(RateLimitStoreOutageTest.StoreAway.class)
class RateLimitStoreOutageTest {

    public static class StoreAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/partnerships",
                    "quarkus.flyway.migrate-at-start", "false",
                    // the tests call as the admin: four requests on a budget of one all pass
                    "gateway.rate-limits.roles.admin.requests", "1",
                    "gateway.rate-limits.roles.admin.per", "1h",
                    "gateway.rate-limits.store.failures", "2",
                    "gateway.rate-limits.store.open-for", "1h");
        }
    }

    @Test
    void withoutItsDatabaseTheGatewayLetsRequestsThroughAndSaysItIsDegraded() {
        for (int i = 0; i < 4; i++) {
            given().get("/v1/echo").then().statusCode(200).header("RateLimit", nullValue());
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rate-limits' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rate-limits' }.data.store", equalTo("circuit OPEN"))
                .body("checks.find { it.name == 'rate-limits' }.data.degraded", equalTo(true));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_rate_limit_undecided_total{policy=\"role:admin\",route=\"test\"} 4.0"));
    }
}
