package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Partners and conventions created through the gateway by the tests' default caller (the admin), for the black-box tests. */
final class Drafts {

    private Drafts() {
    }

    /** A new regional chamber; its id. */
    static String chamber(int gateway, String name) {
        return given().port(gateway).contentType(ContentType.JSON)
                .body(Map.of("name", name, "level", "REGIONAL", "region", "Test"))
                .post("/v1/chambers").then().statusCode(201).extract().path("id");
    }

    /** A framework convention of an authority and a chamber from today, a signatory for each, not signed yet; its id. */
    static String convention(int gateway, String authorityId, String chamberId, String title) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        return given().port(gateway).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reference", "GW-" + Long.toString(System.nanoTime(), 36).toUpperCase(), "kind", "FRAMEWORK",
                        "title", title,
                        "parties", Map.of("authorityIds", List.of(authorityId), "chamberIds", List.of(chamberId)),
                        "signatories", List.of(Map.of("partnerId", authorityId, "fullName", "A. Dupont", "role", "Président"),
                                Map.of("partnerId", chamberId, "fullName", "B. Martin", "role", "Présidente")),
                        "startDate", today.toString(), "durationYears", 3))
                .post("/v1/conventions").then().statusCode(201).extract().path("id");
    }
}
