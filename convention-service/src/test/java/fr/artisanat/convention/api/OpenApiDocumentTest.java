package fr.artisanat.convention.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document frontend teams build on is committed in docs/openapi/. This test fails when the served one
 * drifts from it, and writes the served one to target/openapi/ so that the change can be reviewed and copied.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi", "convention-service.yaml");

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Path copy = Path.of("target", "openapi", "convention-service.yaml");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, served, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, served, "The API changed: review convention-service/" + copy
                + " and copy it to docs/openapi/convention-service.yaml");
    }

    @Test
    void everyOperationHasAnIdATagADescriptionAndItsProblemResponses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().extract().asString());
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            operations.add(name);
            assertFalse(op.path("operationId").asText().isBlank(), name + " has no operationId");
            assertTrue(op.path("tags").size() > 0, name + " has no tag");
            assertFalse(op.path("description").asText().isBlank(), name + " has no description");
            assertTrue(op.path("responses").has("400"), name + " does not document 400");
            assertTrue(op.path("responses").path("400").path("content").has("application/problem+json"), name + " 400 is not problem+json");
            assertTrue(op.path("responses").has("500"), name + " does not document 500");
        }));
        assertTrue(operations.size() >= 14, "operations found: " + operations);
        assertTrue(document.path("components").path("schemas").path("CreateConvention").path("properties")
                .path("reference").has("examples"), "request fields carry examples");
    }
}
