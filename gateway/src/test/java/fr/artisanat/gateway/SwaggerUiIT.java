package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's Swagger UI, loaded by a headless Chromium from Debian's packages ({@link Chromium}), shows the
 * operations of every service: each operation of the merged document has its block in the rendered page.
 */
@ExtendWith(RunningSuite.class)
class SwaggerUiIT {

    @Test
    void swaggerUiAtTheGatewayListsTheOperationsOfEveryService(@TempDir Path profile) throws Exception {
        int port = RunningSuite.gateway().port();
        JsonNode document = new ObjectMapper().readTree(given().port(port).get("/q/openapi?format=json").asString());
        String page = render("http://localhost:" + port + "/q/swagger-ui/", profile);

        List<String> missing = new ArrayList<>();
        for (JsonNode group : document.path("x-tagGroups")) {
            int shown = 0;
            for (JsonNode path : document.path("paths")) {
                for (JsonNode operation : path) {
                    String tag = operation.path("tags").path(0).asText();
                    if (containsText(group.path("tags"), tag)) {
                        String block = "operations-" + tag.replace(' ', '_') + "-" + operation.path("operationId").asText();
                        if (page.contains(block)) {
                            shown++;
                        } else {
                            missing.add(group.path("name").asText() + ": " + block);
                        }
                    }
                }
            }
            assertTrue(shown > 0, "no operation of " + group.path("name").asText() + " in the page");
        }
        assertTrue(missing.isEmpty(), "operations missing from Swagger UI: " + missing);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The page's DOM once its scripts have run, as Chromium renders it. */
    private static String render(String url, Path profile) throws Exception {
        Path errors = profile.resolveSibling(profile.getFileName() + "-chromium.log");
        List<String> command = new ArrayList<>(List.of(Chromium.program("chromium")));
        command.addAll(Chromium.flags(profile));
        command.addAll(List.of("--virtual-time-budget=20000", "--dump-dom", url));
        Process browser = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!browser.waitFor(2, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
            fail("Chromium did not finish; its log: " + Files.readString(errors));
        }
        return dom;
    }
}
