package fr.artisanat.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document frontend teams build on is committed in docs/openapi/. A service's test extends this class
 * (with @QuarkusTest): it fails when the served document drifts from the committed one, and writes the served one
 * to target/openapi/ so that the change can be reviewed and copied.
 */
public abstract class OpenApiContract {

    /** The file name in docs/openapi/, e.g. {@code convention-service.yaml}. */
    protected abstract String documentName();

    /**
     * What every operation answers whatever it does: 401 and 403 (it needs a token, whose roles may not allow it),
     * 404 (what lies outside the caller's scope is answered as missing), 500.
     */
    protected Set<String> statusesOfEveryOperation() {
        return Set.of("401", "403", "404", "500");
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Path copy = Path.of("target", "openapi", documentName());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, served, StandardCharsets.UTF_8);
        Path committed = Path.of("..", "docs", "openapi", documentName());
        String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(expected, served, "The API changed: review " + copy.toAbsolutePath() + " and copy it to docs/openapi/");
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
            // 400 only where there is something to refuse (parameters, a body): no operation documents a status it
            // cannot return. Every error it documents is problem+json.
            op.path("responses").properties().stream().filter(response -> response.getKey().matches("[45]\\d\\d"))
                    .forEach(response -> assertTrue(response.getValue().path("content").has("application/problem+json"),
                            name + " " + response.getKey() + " is not problem+json"));
            statusesOfEveryOperation().forEach(status ->
                    assertTrue(op.path("responses").has(status), name + " does not document " + status));
        }));
        assertFalse(operations.isEmpty(), "no operation found");
    }

    @Test
    void everyOperationNeedsATokenOfTheRealmByClientCredentialsOrAuthorizationCode() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().extract().asString());
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertTrue(schemes.path("oauth2ClientCredentials").path("flows").path("clientCredentials").path("tokenUrl").asText()
                .endsWith("/realms/partnerships/protocol/openid-connect/token"), schemes.toString());
        assertTrue(schemes.path("oauth2AuthorizationCode").path("flows").path("authorizationCode").path("authorizationUrl")
                .asText().endsWith("/realms/partnerships/protocol/openid-connect/auth"), schemes.toString());
        assertEquals(2, document.path("security").size(), document.path("security").toString());
        document.path("paths").forEach(item -> item.forEach(operation ->
                assertFalse(operation.has("security"), "an operation overrides the global security: " + operation)));
    }
}
