package fr.artisanat.convention;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Builds partners and conventions through the HTTP API, each with fresh identifiers so tests never collide. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Fixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A random SIREN with a valid Luhn check digit. */
    public static String siren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            if (fr.artisanat.convention.domain.Siren.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    public static String reference(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    public static String createAuthority(String name, String... communes) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("siren", siren(), "name", name, "nature", "CA", "communes", List.of(communes)))
                .post("/v1/authorities").then().statusCode(201).extract().path("id");
    }

    public static String createChamber(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "level", "REGIONAL", "region", "Test"))
                .post("/v1/chambers").then().statusCode(201).extract().path("id");
    }

    /** A valid request for a framework convention between the two partners, starting on {@code start}. */
    public static Map<String, Object> frameworkConvention(String authorityId, String chamberId, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference("FW"));
        body.put("kind", "FRAMEWORK");
        body.put("title", "Convention cadre de test");
        body.put("parties", Map.of("authorityIds", List.of(authorityId), "chamberIds", List.of(chamberId)));
        body.put("signatories", new ArrayList<>(List.of(
                Map.of("partnerId", authorityId, "fullName", "Présidente de l'agglomération", "role", "Présidente"),
                Map.of("partnerId", chamberId, "fullName", "Président de la chambre", "role", "Président"))));
        body.put("startDate", start.toString());
        body.put("durationYears", 5);
        body.put("themes", List.of("Coordonner le soutien aux entreprises artisanales"));
        body.put("fundingCommitments", List.of(Map.of("payerId", authorityId, "beneficiaryId", chamberId,
                "purpose", "TERRITORIAL_DEVELOPER_POST", "amountPerYear", Map.of("amount", "45000.00", "currency", "EUR"),
                "firstYear", start.getYear(), "lastYear", start.getYear() + 1)));
        body.put("governance", Map.of("steeringCommittee", "Comité de pilotage", "meetingFrequency", "ANNUAL"));
        return body;
    }

    public static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/conventions");
    }

    public static Response sign(String conventionId, String signatoryId, LocalDate on) {
        return given().contentType(ContentType.JSON).body(Map.of("signatoryId", signatoryId, "signedOn", on.toString()))
                .post("/v1/conventions/" + conventionId + "/signatures");
    }

    /** Every signatory signs on {@code on}; returns the last response. */
    public static Response signAll(String conventionId, LocalDate on) {
        List<String> signatories = given().get("/v1/conventions/" + conventionId).then().extract().path("signatories.id");
        Response last = null;
        for (String signatory : signatories) {
            last = sign(conventionId, signatory, on);
            last.then().statusCode(200);
        }
        return last;
    }

    /** A framework convention between fresh partners, drafted, signed by all on its start date. */
    public static String activeConvention() {
        String authority = createAuthority("CA de test", "26362");
        String chamber = createChamber("CMA de test");
        String id = create(frameworkConvention(authority, chamber, today())).then().statusCode(201).extract().path("id");
        signAll(id, today());
        return id;
    }
}
