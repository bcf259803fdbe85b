package fr.artisanat.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Bad input on every endpoint: a 4xx problem+json naming the field, and nothing written. */
@QuarkusTest
class BadInputTest {

    private static final List<String> TABLES = List.of("territory", "territory_commune", "establishment", "classification",
            "adviser_note", "import_job", "import_rejection", "outbox_event", "idempotency_record");

    @Inject
    EntityManager em;

    private Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            TABLES.forEach(t -> counts.put(t, ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue()));
            return counts;
        });
    }

    private ValidatableResponse rejected(Supplier<Response> request, int status, String field) {
        Map<String, Long> before = counts();
        ValidatableResponse response = request.get().then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertEquals(before, counts(), "a rejected request must not write anything");
        return response;
    }

    @Test
    void establishments() {
        rejected(() -> given().get("/v1/establishments/123"), 400, "siret");
        rejected(() -> given().get("/v1/establishments/12345678901234"), 404, null);
        rejected(() -> given().get("/v1/establishments?craftFamily=CUISINE"), 400, "craftFamily");
        rejected(() -> given().get("/v1/establishments?naf=1071C"), 400, "naf");
        rejected(() -> given().get("/v1/establishments?nafa=10.71C"), 400, "nafa");
        rejected(() -> given().get("/v1/establishments?band=A"), 400, "band");
        rejected(() -> given().get("/v1/establishments?active=yes"), 400, "active");
        rejected(() -> given().get("/v1/establishments?metierArtDomain=17"), 400, "metierArtDomain");
        rejected(() -> given().get("/v1/establishments?territoryId=nope"), 400, "territoryId");
        rejected(() -> given().get("/v1/establishments?limit=0"), 400, "limit");
        rejected(() -> given().get("/v1/establishments?cursor=%%%"), 400, "cursor");
        rejected(() -> given().get("/v1/establishment-changes?cursor=bm9wZQ"), 400, "cursor");
    }

    @Test
    void classificationAndNotes() {
        String siret = SireneFile.newSiret();
        String territory = Registry.territory("Bad input (test)", "2A228");
        Registry.importFile(SireneFile.layout48().row(SireneFile.craft(siret, "2A228", "10.71C", "Boulangerie", Map.of())).bytes(), "bad.csv");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("tags", List.of("Pas Valide")))
                .put("/v1/establishments/" + siret + "/classification"), 400, "tags[0]");
        // who classifies, or writes a note, is the caller: a request may not say it (issue 10)
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("tags", List.of(), "recordedBy", "x"))
                .put("/v1/establishments/" + siret + "/classification"), 400, "recordedBy");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("author", "x", "text", "y"))
                .post("/v1/establishments/" + siret + "/notes"), 400, "author");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("metierArt", Map.of("domain", 99)))
                .put("/v1/establishments/" + siret + "/classification"), 400, "metierArt.domain");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("tags", List.of()))
                .put("/v1/establishments/00000000000000/classification"), 404, null);
        rejected(() -> given().contentType(ContentType.JSON).body("{\"tags\": [")
                .put("/v1/establishments/" + siret + "/classification"), 400, null);
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("text", "y".repeat(4001)))
                .post("/v1/establishments/" + siret + "/notes"), 400, "text");
        rejected(() -> given().get("/v1/territories/" + territory + "/statistics?commune=26281"), 422, "commune");
    }

    @Test
    void territories() {
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("code", "Bad Code", "name", "x", "communes", List.of("26281")))
                .post("/v1/territories"), 400, "code");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("code", "unknown-commune", "name", "x", "communes", List.of("26281", "99999")))
                .post("/v1/territories"), 422, "communes[1]");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("code", "dates", "name", "x", "communes", List.of("26281"),
                "validFrom", "2020-01-01", "validTo", "2019-01-01")).post("/v1/territories"), 422, "validTo");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("code", "empty", "name", "x", "communes", List.of()))
                .post("/v1/territories"), 400, "communes");
        rejected(() -> given().get("/v1/territories/" + java.util.UUID.randomUUID() + "/statistics"), 404, null);
        rejected(() -> given().get("/v1/territories?tracked=maybe"), 400, "tracked");
    }

    @Test
    void imports() {
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of("path", "../../etc/passwd")).post("/v1/imports"), 422, "path");
        rejected(() -> given().contentType(ContentType.JSON).body(Map.of()).post("/v1/imports"), 400, "path");
        rejected(() -> given().multiPart("other", "x").post("/v1/imports"), 422, "file");
        rejected(() -> given().get("/v1/imports/" + java.util.UUID.randomUUID()), 404, null);
        rejected(() -> given().get("/v1/imports/" + java.util.UUID.randomUUID() + "/rejections?limit=0"), 400, "limit");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsWithTheirNames() {
        var report = Registry.importFile("siren,nic\n123456789,00012\n".getBytes(), "wrong.csv");
        assertEquals("FAILED", report.getString("status"));
        org.junit.jupiter.api.Assertions.assertTrue(report.getString("error").contains("siret"), report.getString("error"));
    }
}
