package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.artisanat.platform.testing.Tokens;
import fr.artisanat.registry.sirene.generator.SireneFileGenerator;
import io.restassured.http.ContentType;

/**
 * A SIRENE file several times larger than the gateway's heap goes up through it to the registry, and the export of
 * what it imported, larger than that heap too, comes back through it byte for byte: the gateway streams both ways.
 * Had it held either body in memory, its process (-XX:+ExitOnOutOfMemoryError) would have died.
 */
@ExtendWith(RunningSuite.class)
class StreamingIT {

    private static final long HEAP = RunningSuite.GATEWAY_HEAP_MB * 1024L * 1024;
    /** About 200 bytes a row in the file, 60% kept (craft activities) and exported: both bodies exceed the heap. */
    private static final long ROWS = 500_000;
    private static final List<String> COMMUNES = List.of("26362", "26281", "26057", "26058");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anUploadAndAnExportLargerThanTheGatewaysHeapStreamThrough(@TempDir Path folder) throws Exception {
        int gateway = RunningSuite.gateway().port();
        String code = "gateway-it-" + UUID.randomUUID().toString().substring(0, 8);
        String territory = given().port(gateway).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Territoire du test de la passerelle", "communes", COMMUNES))
                .post("/v1/territories").then().statusCode(201).extract().path("id");

        Path file = folder.resolve("StockEtablissement_gateway.csv");
        new SireneFileGenerator(9, COMMUNES, Map.of()).write(file, ROWS);
        assertTrue(Files.size(file) > 4 * HEAP, "the upload is larger than the gateway's heap: " + Files.size(file));

        String location = given().port(gateway).multiPart("file", file.toFile()).post("/v1/imports")
                .then().statusCode(202).header("Location", startsWith("http://localhost:" + gateway + "/v1/imports/"))
                .extract().header("Location");
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !"RUNNING".equals(given().get(location).path("status")));
        given().get(location).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"))
                .body("rowsRead", org.hamcrest.Matchers.equalTo((int) ROWS));

        String export = "/v1/territories/" + territory + "/exports/establishments.csv";
        Download routed = download(gateway, export);
        Download direct = download(RunningSuite.registry().port(), export);
        assertTrue(routed.bytes() > 2 * HEAP, "the export is larger than the gateway's heap: " + routed.bytes());
        assertEquals(direct.bytes(), routed.bytes());
        assertArrayEquals(direct.sha256(), routed.sha256(), "the export through the gateway is the service's, byte for byte");
        assertTrue(RunningSuite.gateway().isAlive(), "the gateway survived:\n" + RunningSuite.gateway().logTail());
    }

    private record Download(long bytes, byte[] sha256) {
    }

    private Download download(int port, String path) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Tokens.admin()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
                "Content-Disposition passes");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                digest.update(buffer, 0, read);
                bytes += read;
            }
        }
        return new Download(bytes, digest.digest());
    }
}
