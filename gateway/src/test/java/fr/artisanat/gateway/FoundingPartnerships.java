package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.Tokens;

/**
 * The founding partnerships (docs/demo-data.md) behind a gateway of their own: the packaged services load their demo
 * data into a database where it is all there is, so that what each partner should see is known exactly. The shared
 * database of the other black-box tests holds what they wrote (the streaming test alone imports some 300,000
 * establishments in Valence Romans Agglo's communes), and in {@code ./suite test} what every service test left.
 * <p>
 * The registry projects the conventions topic from its beginning with a consumer group of its own (ADR 0015): it
 * reads the events of the other tests' conventions too, none of which shares data with a demo partner today.
 */
final class FoundingPartnerships implements AutoCloseable {

    private static final String DATABASE = "gateway_partner_scope";

    private final List<ServiceProcess> processes;

    private FoundingPartnerships(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /** Started and ready: the gateway answers, and the registry knows both demo chambers from the demo conventions. */
    static FoundingPartnerships start() throws SQLException {
        SuiteDatabase.createEmpty(DATABASE);
        List<ServiceProcess> started = new ArrayList<>();
        try {
            ServiceProcess conventions = ServiceProcess.start(Path.of("..", "convention-service"), "scope-it-convention-service",
                    0, List.of(), Map.of("DB_NAME", DATABASE, "convention.demo-data", "true"));
            started.add(conventions);
            ServiceProcess registry = ServiceProcess.start(Path.of("..", "enterprise-registry-service"),
                    "scope-it-enterprise-registry-service", 0, List.of(), Map.of("DB_NAME", DATABASE, "registry.demo-data", "true",
                            "mp.messaging.incoming.conventions.group.id", "gateway-partner-scope-" + UUID.randomUUID()));
            started.add(registry);
            started.add(RunningSuite.startGateway("scope-it-gateway", conventions.port(), registry.port(), Map.of("DB_NAME", DATABASE)));
            FoundingPartnerships suite = new FoundingPartnerships(started);
            suite.awaitChambersKnownToTheRegistry();
            return suite;
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /** The gateway's port: the tests call nothing else. */
    int port() {
        return processes.get(2).port();
    }

    /** A chamber's part of the registry is empty until the registry has read a convention it is a party to. */
    private void awaitChambersKnownToTheRegistry() {
        for (String adviser : List.of("cma-aura-adviser", "cmar-paca-adviser")) {
            await("the registry's projection of the demo conventions").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).until(() -> !given().port(port())
                            .header(BearerTokens.as(Tokens.user(adviser))).get("/v1/establishment-changes?limit=1")
                            .then().statusCode(200).extract().jsonPath().getList("items").isEmpty());
        }
    }

    @Override
    public void close() {
        processes.reversed().forEach(ServiceProcess::close);
    }
}
