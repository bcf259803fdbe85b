package fr.artisanat.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.SuiteDatabase;
import fr.artisanat.platform.testing.Tokens;

/**
 * The TypeScript clients generated from docs/openapi, used by a small script as a frontend would, list every
 * convention and establishment of the packaged services, with their demo data, page by page to the last page. The
 * script itself fails on a failed request, an item listed twice or a missing last page; this test adds that exactly
 * the demo data came through, over several pages. The services get a database of their own, where the demo data
 * is all there is: the other tests of {@code ./suite test} leave data of theirs in the shared one.
 */
class GeneratedClientsPagingIT {

    private static final String DATABASE = "typescript_clients";
    /** docs/demo-data.md: the three conventions and the 11,975 establishments the demo import keeps. */
    private static final List<String> DEMO_CONVENTIONS = List.of("AUBAGNE-CMAR-PACA-2015", "VRA-CMA-JEMA-2024",
            "VRA-CMA-2025-2027");
    private static final int DEMO_ESTABLISHMENTS = 11_975;

    @Test
    void theGeneratedClientsListConventionsAndEstablishmentsToTheLastPage() throws Exception {
        createEmptyDatabase();
        try (ServiceProcess conventions = ServiceProcess.start(module("convention-service"),
                "clients-it-convention-service", 0, List.of(), Map.of("DB_NAME", DATABASE, "convention.demo-data", "true"));
                ServiceProcess registry = ServiceProcess.start(module("enterprise-registry-service"),
                        "clients-it-enterprise-registry-service", 0, List.of(), Map.of("DB_NAME", DATABASE, "registry.demo-data", "true"))) {
            JsonNode summary = listPages(conventions, registry);

            JsonNode listed = summary.get("conventions");
            List<String> references = new ArrayList<>();
            listed.get("references").forEach(reference -> references.add(reference.asText()));
            assertEquals(DEMO_CONVENTIONS.stream().sorted().toList(), references.stream().sorted().toList());
            assertTrue(listed.get("pages").asInt() > 1, "several pages of conventions: " + listed);

            JsonNode establishments = summary.get("establishments");
            assertEquals(DEMO_ESTABLISHMENTS, establishments.get("items").asInt());
            assertTrue(establishments.get("pages").asInt() > 1, "several pages of establishments: " + establishments);
        }
    }

    /** Dropped first, so that a run on a kept instance (SUITE_INSTANCE=test ./suite infra-start) starts afresh. */
    private static void createEmptyDatabase() throws SQLException {
        try (Connection connection = SuiteDatabase.connect("public"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }

    /** A service's module folder, beside this one: the IT runs after the reactor packaged it. */
    private static Path module(String service) {
        return Path.of("..", service);
    }

    /** Runs the compiled script with Node.js; its output is its JSON summary. */
    private static JsonNode listPages(ServiceProcess conventions, ServiceProcess registry) throws IOException,
            InterruptedException {
        Path output = Path.of("target", "it-logs", "list-pages.json");
        Path errors = Path.of("target", "it-logs", "list-pages.log");
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", System.getProperty("list-pages.script"),
                "http://127.0.0.1:" + conventions.port(), "http://127.0.0.1:" + registry.port())
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        // as a partner's frontend: with a token of the identity provider (the admin's, who may list everything)
        node.environment().put("ACCESS_TOKEN", Tokens.admin());
        Process script = node.start();
        if (!script.waitFor(10, TimeUnit.MINUTES)) {
            script.destroyForcibly().waitFor();
            fail("list-pages did not end within 10 minutes:\n" + read(errors));
        }
        assertEquals(0, script.exitValue(), () -> "list-pages failed:\n" + read(errors));
        return new ObjectMapper().readTree(output.toFile());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
