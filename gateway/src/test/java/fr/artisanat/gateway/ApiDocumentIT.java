package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.OpenApiContract;
import io.restassured.RestAssured;

/**
 * The suite's one OpenAPI document, as the packaged gateway serves it from the packaged services' documents: the
 * committed docs/openapi/partnerships-api.yaml (the served copy goes to target/openapi/ for review), every operation
 * documented as in the services, with the gateway's 429.
 */
@ExtendWith(RunningSuite.class)
class ApiDocumentIT extends OpenApiContract {

    @BeforeEach
    void atTheGateway() {
        RestAssured.port = RunningSuite.gateway().port();
    }

    @Override
    protected String documentName() {
        return "partnerships-api.yaml";
    }

    /** The services' statuses, and the gateway's rate limit on every operation. */
    @Override
    protected Set<String> statusesOfEveryOperation() {
        Set<String> statuses = new HashSet<>(super.statusesOfEveryOperation());
        statuses.add("429");
        return statuses;
    }

    @Test
    void itHoldsTheRoutedOperationsOfEveryServiceAndNothingElse() {
        // no token needed: it is how a partner learns to get one
        BearerTokens.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/v1/conventions"))
                .body("paths", hasKey("/v1/conventions/{id}/signatures"))
                .body("paths", hasKey("/v1/establishments"))
                .body("paths", hasKey("/v1/imports"))
                .body("paths", not(hasKey("/admin/outbox/parked")))
                .body("servers[0].url", equalTo("/"))
                .body("'x-tagGroups'.name", hasItems("convention-service", "enterprise-registry-service"));
    }
}
