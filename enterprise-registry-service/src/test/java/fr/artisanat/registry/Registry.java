package fr.artisanat.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import fr.artisanat.platform.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Calls to the registry API and reads of its topic shared by the tests. */
public final class Registry {

    private Registry() {
    }

    /** Defines a tracked territory with a unique code over the given communes; returns its id. */
    public static String territory(String name, String... communes) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", "test-" + Long.toString(System.nanoTime(), 36), "name", name, "communes", List.of(communes)))
                .post("/v1/territories").then().statusCode(201).extract().path("id");
    }

    /** Uploads a file, waits for its import to end, returns the final report. */
    public static JsonPath importFile(byte[] content, String fileName) {
        String id = given().multiPart("file", fileName, content, "application/octet-stream")
                .post("/v1/imports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(given().get("/v1/imports/" + id).then().extract().path("status")));
        return given().get("/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits for the expected events of one establishment (the relay publishes within a second), then reads a little
     * longer so that any extra event would be seen too. */
    public static List<ConsumerRecord<String, String>> events(String siret, int expected) {
        TopicReader.awaitMatching("establishments", r -> siret.equals(r.key()), expected, Duration.ofSeconds(30));
        return TopicReader.allMatching("establishments", r -> siret.equals(r.key()), Duration.ofSeconds(2));
    }

    /** The CloudEvents types of the records, in order. */
    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }
}
