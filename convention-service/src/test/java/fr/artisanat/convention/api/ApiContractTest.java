package fr.artisanat.convention.api;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import fr.artisanat.convention.Fixtures;
import fr.artisanat.platform.testing.contract.ApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every operation of the served document, with generated requests (docs/adr/0008). */
@QuarkusTest
class ApiContractTest extends ApiContract {

    /** Partners and conventions of their own, one in each lifecycle status, for the requests that change state. */
    @Override
    protected List<String> fixtures() {
        String authority = Fixtures.createAuthority("CA du contrat", "26362", "26281");
        String successor = Fixtures.createAuthority("CA successeur du contrat", "26362");
        String chamber = Fixtures.createChamber("CMA du contrat");
        String draft = Fixtures.create(Fixtures.frameworkConvention(authority, chamber, Fixtures.today()))
                .then().statusCode(201).extract().path("id");
        String active = Fixtures.create(Fixtures.frameworkConvention(authority, chamber, Fixtures.today()))
                .then().statusCode(201).extract().path("id");
        Fixtures.signAll(active, Fixtures.today());
        given().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", Fixtures.today().toString(), "summary", "Avenant du contrat"))
                .post("/v1/conventions/" + active + "/amendments").then().statusCode(201);
        return List.of("/v1/authorities/" + authority, "/v1/authorities/" + successor, "/v1/chambers/" + chamber,
                "/v1/conventions/" + draft, "/v1/conventions/" + active);
    }
}
