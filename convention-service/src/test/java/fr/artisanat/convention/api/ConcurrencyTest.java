package fr.artisanat.convention.api;

import static fr.artisanat.convention.Fixtures.create;
import static fr.artisanat.convention.Fixtures.createAuthority;
import static fr.artisanat.convention.Fixtures.createChamber;
import static fr.artisanat.convention.Fixtures.frameworkConvention;
import static fr.artisanat.convention.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConcurrencyTest {

    @Test
    void twoConcurrentUpdatesWithTheSameEtagOneWinsTheOtherGets412() throws Exception {
        String id = create(frameworkConvention(createAuthority("CA concurrente", "26362"), createChamber("CMA concurrente"), today()))
                .then().statusCode(201).extract().path("id");
        String etag = given().get("/v1/conventions/" + id).then().extract().header("ETag");

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> updates = List.of("Titre A", "Titre B").stream()
                .map(title -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return given().contentType(ContentType.JSON).header("If-Match", etag)
                            .body(Map.of("title", title)).put("/v1/conventions/" + id).statusCode();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = updates.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(200, 412), statuses);
        given().get("/v1/conventions/" + id).then().body("version", equalTo(1));
    }

    @Test
    void updateWithoutIfMatchIs428AndWithAStaleOneIs412() {
        String id = create(frameworkConvention(createAuthority("CA précondition", "26362"), createChamber("CMA précondition"), today()))
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("title", "Sans If-Match")).put("/v1/conventions/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String etag = given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "Premier"))
                .put("/v1/conventions/" + id).then().statusCode(200).body("title", equalTo("Premier")).extract().header("ETag");
        assertEquals("\"1\"", etag);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("title", "Périmé"))
                .put("/v1/conventions/" + id).then().statusCode(412).contentType("application/problem+json");
        given().get("/v1/conventions/" + id).then().body("title", equalTo("Premier"));
    }
}
