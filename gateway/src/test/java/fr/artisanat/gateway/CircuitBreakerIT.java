package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.platform.testing.AdminTokenByDefault;
import fr.artisanat.platform.testing.ServiceProcess;

/**
 * A real convention-service stopped behind a real gateway: 503 problem+json with Retry-After while it is down, its
 * circuit opens after the configured failures, and once the service is back a trial call goes through after the
 * delay and closes the circuit. The gateway's readiness tells the circuit's state.
 */
@ExtendWith(AdminTokenByDefault.class)
class CircuitBreakerIT {

    private static final int FAILURES = 3;

    @Test
    void aStoppedServiceGets503WithRetryAfterAndItsCircuitOpensThenCloses() {
        int servicePort = ServiceProcess.freePort();
        ServiceProcess service = startService(servicePort);
        ServiceProcess gateway = RunningSuite.startGateway("gateway-breaker-it", servicePort, ServiceProcess.freePort(), Map.of(
                "gateway.upstreams.convention-service.circuit-breaker.failures", Integer.toString(FAILURES),
                "gateway.upstreams.convention-service.circuit-breaker.open-for", "3s"));
        try {
            given().port(gateway.port()).get("/v1/chambers?limit=1").then().statusCode(200);
            assertCircuit(gateway, "UP, circuit CLOSED");

            service.close();
            for (int i = 0; i < FAILURES; i++) {
                given().port(gateway.port()).get("/v1/chambers?limit=1").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", not(nullValue()))
                        .body("type", equalTo("/problems/upstream-unavailable"));
            }
            assertCircuit(gateway, "DOWN, circuit OPEN");
            // open: refused at once, with the same answer
            given().port(gateway.port()).contentType("application/json").body("{}").post("/v1/chambers").then()
                    .statusCode(503).header("Retry-After", not(nullValue()));

            service = startService(servicePort);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().port(gateway.port()).get("/v1/chambers?limit=1").statusCode() == 200);
            assertCircuit(gateway, "UP, circuit CLOSED");
        } finally {
            gateway.close();
            service.close();
        }
    }

    private static ServiceProcess startService(int port) {
        return ServiceProcess.start(Path.of("..", "convention-service"), "conventions-breaker-it", port, List.of(), Map.of());
    }

    private static void assertCircuit(ServiceProcess gateway, String state) {
        given().port(gateway.port()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.'convention-service'", equalTo(state));
    }
}
