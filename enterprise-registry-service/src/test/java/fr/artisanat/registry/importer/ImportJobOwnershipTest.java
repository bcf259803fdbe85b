package fr.artisanat.registry.importer;

import static fr.artisanat.registry.SireneFile.craft;
import static fr.artisanat.registry.SireneFile.newSiret;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.artisanat.registry.SireneFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One import at a time across instances: an upload refused meanwhile leaves no file behind, another instance's
 * start-up leaves a live import running, and a job whose instance died is failed. Communes of Guadeloupe.
 */
@QuarkusTest
class ImportJobOwnershipTest {

    @Inject
    SireneImporter importer;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "registry.importer.directory")
    String importDirectory;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    private final byte[] file = SireneFile.layout48()
            .row(craft(newSiret(), "97101", "10.71C", "Boulangerie des Abymes", Map.of())).bytes();

    @Test
    void anUploadRefusedBecauseAnImportIsRunningLeavesNoFileBehind() throws Exception {
        Path copies = Path.of(importDirectory, "uploads");
        Set<Path> before = Set.copyOf(filesIn(copies));
        try (HeldOpenImport running = new HeldOpenImport()) {
            given().multiPart("file", "refused-upload.csv", file, "application/octet-stream").post("/v1/imports").then()
                    .statusCode(409).contentType("application/problem+json");
            assertEquals(before, Set.copyOf(filesIn(copies)));
            // the server deletes its temporary copy of the request body once the request has ended
            await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(Path.of(uploadsDirectory)).isEmpty());
        }
    }

    @Test
    void anImportRunningOnALiveInstanceIsNotFailedByAnotherInstancesStartUp() throws Exception {
        UUID id;
        try (HeldOpenImport running = new HeldOpenImport()) {
            id = running.id;
            importer.markInterrupted(new StartupEvent());
            assertEquals("RUNNING", status(id));
        }
        assertEquals("SUCCEEDED", status(id));
    }

    @Test
    void aJobWhoseInstanceDiedIsFailedAtStartUpOrWhenTheNextImportStarts() throws Exception {
        UUID orphan = runningJobWithoutInstance();
        importer.markInterrupted(new StartupEvent());
        assertEquals("FAILED", status(orphan));
        given().get("/v1/imports/" + orphan).then().body("error", org.hamcrest.Matchers.containsString("interrupted"));

        UUID another = runningJobWithoutInstance();
        String next = given().multiPart("file", "after-orphan.csv", file, "application/octet-stream").post("/v1/imports")
                .then().statusCode(202).extract().path("id");
        assertEquals("FAILED", status(another));
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(status(UUID.fromString(next))));
        given().get("/v1/imports/" + next).then().body("status", equalTo("SUCCEEDED"));
    }

    /** An import whose file does not end until closed: it stays RUNNING on this instance meanwhile. */
    private final class HeldOpenImport implements AutoCloseable {
        final CountDownLatch endOfFile = new CountDownLatch(1);
        final UUID id;

        HeldOpenImport() {
            InputStream rest = new InputStream() {
                @Override
                public int read() throws IOException {
                    try {
                        endOfFile.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
            };
            id = importer.start("test:held-open", () -> new SequenceInputStream(new ByteArrayInputStream(file), rest));
            assertEquals("RUNNING", status(id));
        }

        @Override
        public void close() {
            endOfFile.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(status(id)));
        }
    }

    /** What an instance killed in the middle of an import leaves: a RUNNING job that nobody runs. */
    private UUID runningJobWithoutInstance() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into import_job (id, source, status, started_at) values (?1, 'test:orphan', 'RUNNING', now())")
                .setParameter(1, id).executeUpdate());
        return id;
    }

    private static String status(UUID id) {
        return given().get("/v1/imports/" + id).then().statusCode(200).extract().path("status");
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
