package fr.artisanat.convention.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Override
    protected String documentName() {
        return "convention-service.yaml";
    }

    @Test
    void requestFieldsCarryExamples() {
        given().get("/q/openapi?format=json").then()
                .body("components.schemas.CreateConvention.properties.reference", hasKey("examples"))
                .body("paths.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(10));
    }
}
