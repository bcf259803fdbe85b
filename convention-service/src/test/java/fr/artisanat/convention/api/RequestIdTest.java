package fr.artisanat.convention.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RequestIdTest {

    @Test
    void acceptedEchoedAndQuotedInProblems() {
        given().header("X-Request-Id", "partner-42.abc").get("/v1/conventions/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "partner-42.abc").body("requestId", equalTo("partner-42.abc"));
    }

    @Test
    void generatedWhenAbsentOrUnacceptable() {
        String uuid = "[0-9a-f-]{36}";
        given().get("/v1/chambers").then().statusCode(200).header("X-Request-Id", matchesPattern(uuid));
        given().header("X-Request-Id", "bad id\twith spaces").get("/v1/chambers").then().header("X-Request-Id", matchesPattern(uuid));
    }
}
