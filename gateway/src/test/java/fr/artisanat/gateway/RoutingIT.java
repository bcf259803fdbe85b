package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Through the packaged gateway to the packaged services, PostgreSQL and Kafka: routes, headers, request ids. */
@ExtendWith(RunningSuite.class)
class RoutingIT {

    /** The routes the suite publishes (issue 9), each with a request its service answers. */
    private static final List<String> CONVENTION_SERVICE = List.of("/v1/conventions?limit=1", "/v1/authorities?limit=1",
            "/v1/chambers?limit=1", "/v1/convention-changes?limit=1");
    private static final List<String> REGISTRY_SERVICE = List.of("/v1/establishments?limit=1", "/v1/territories?limit=1",
            "/v1/establishment-changes?limit=1", "/v1/imports/" + UUID.randomUUID());

    @Test
    void everyRouteReachesItsService() {
        for (String path : CONVENTION_SERVICE) {
            assertSameAnswer(path, RunningSuite.conventions().port());
        }
        for (String path : REGISTRY_SERVICE) {
            assertSameAnswer(path, RunningSuite.registry().port());
        }
    }

    /** The gateway answers exactly what the service answers (same request id, so the same body). */
    private static void assertSameAnswer(String path, int servicePort) {
        String requestId = "routing-" + UUID.randomUUID();
        Response direct = given().port(servicePort).header("X-Request-Id", requestId).get(path);
        Response routed = given().port(RunningSuite.gateway().port()).header("X-Request-Id", requestId).get(path);
        assertEquals(direct.statusCode(), routed.statusCode(), path);
        assertEquals(direct.contentType(), routed.contentType(), path);
        assertEquals(direct.asString(), routed.asString(), path);
        assertEquals(requestId, routed.header("X-Request-Id"), path);
    }

    @Test
    void endToEndHeadersPassAndUrlsPointAtTheGateway() {
        int gateway = RunningSuite.gateway().port();
        String gatewayOrigin = "http://localhost:" + gateway;
        String key = UUID.randomUUID().toString();
        Map<String, Object> chamber = Map.of("name", "CMA passerelle " + key.substring(0, 8), "level", "REGIONAL", "region", "Test");
        Response created = given().port(gateway).contentType(ContentType.JSON).header("Idempotency-Key", key).body(chamber)
                .post("/v1/chambers");
        created.then().statusCode(201).header("Location", startsWith(gatewayOrigin + "/v1/chambers/"));
        String id = created.path("id");
        String etag = given().port(gateway).get("/v1/chambers/" + id).then().statusCode(200).extract().header("ETag");
        assertTrue(etag != null && !etag.isBlank(), "ETag passes");

        // the same POST again: the service replays its answer and says so
        given().port(gateway).contentType(ContentType.JSON).header("Idempotency-Key", key).body(chamber).post("/v1/chambers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        // pages link to the next one at the gateway, not at the service: a second chamber makes a second page
        given().port(gateway).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "CMA passerelle bis", "level", "REGIONAL", "region", "Test")).post("/v1/chambers")
                .then().statusCode(201);
        Response page = given().port(gateway).get("/v1/chambers?limit=1");
        page.then().statusCode(200).header("Link", startsWith("<" + gatewayOrigin + "/v1/chambers?"));
    }

    @Test
    void theRequestIdReachesTheServiceAndTheEventItCaused() {
        int gateway = RunningSuite.gateway().port();
        String authority = given().port(gateway).contentType(ContentType.JSON)
                .body(Map.of("siren", Sirens.random(), "name", "CA passerelle", "nature", "CA", "communes", List.of("26362")))
                .post("/v1/authorities").then().statusCode(201).extract().path("id");
        String chamber = given().port(gateway).contentType(ContentType.JSON)
                .body(Map.of("name", "CMA passerelle", "level", "REGIONAL", "region", "Test"))
                .post("/v1/chambers").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        String convention = given().port(gateway).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reference", "GW-" + Long.toString(System.nanoTime(), 36).toUpperCase(), "kind", "FRAMEWORK",
                        "title", "Convention par la passerelle",
                        "parties", Map.of("authorityIds", List.of(authority), "chamberIds", List.of(chamber)),
                        "signatories", List.of(Map.of("partnerId", authority, "fullName", "A. Dupont", "role", "Président"),
                                Map.of("partnerId", chamber, "fullName", "B. Martin", "role", "Présidente")),
                        "startDate", today.toString(), "durationYears", 3))
                .post("/v1/conventions").then().statusCode(201).extract().path("id");
        List<String> signatories = given().port(gateway).get("/v1/conventions/" + convention).path("signatories.id");
        List<String> requestIds = new ArrayList<>();
        for (String signatory : signatories) {
            String requestId = "gateway-it-" + UUID.randomUUID();
            requestIds.add(requestId);
            given().port(gateway).contentType(ContentType.JSON).header("X-Request-Id", requestId)
                    .body(Map.of("signatoryId", signatory, "signedOn", today.toString()))
                    .post("/v1/conventions/" + convention + "/signatures")
                    .then().statusCode(200).header("X-Request-Id", requestId);
        }
        List<ConsumerRecord<String, String>> signed = TopicReader.awaitMatching("conventions",
                record -> convention.equals(record.key()) && "convention.signed.v1".equals(TopicReader.header(record, "ce_type")),
                1, Duration.ofSeconds(60));
        assertEquals(1, signed.size(), "the convention.signed.v1 event of " + convention);
        // the last signature signed the convention: its request id is the event's
        assertEquals(requestIds.get(requestIds.size() - 1), TopicReader.header(signed.get(0), "X-Request-Id"));
    }

    @Test
    void withoutATokenTheGatewayAndEachServiceAnswer401() {
        for (int port : new int[] { RunningSuite.gateway().port(), RunningSuite.conventions().port() }) {
            BearerTokens.anonymous().port(port).get("/v1/chambers?limit=1").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        }
        BearerTokens.anonymous().port(RunningSuite.registry().port()).get("/v1/territories?limit=1").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void theGatewaysProblemsHaveTheShapeOfTheServices() {
        int gateway = RunningSuite.gateway().port();
        Map<String, Object> fromService = given().port(gateway).get("/v1/chambers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath().getMap("$");
        Map<String, Object> fromGateway = given().port(gateway).get("/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath().getMap("$");
        assertEquals(fromService.keySet(), fromGateway.keySet());
        assertEquals("/problems/not-found", fromGateway.get("type"));
    }

    @Test
    void aRequestWithoutIdGetsOneFromTheGateway() {
        String id = given().port(RunningSuite.gateway().port()).get("/v1/chambers?limit=1").then().statusCode(200)
                .extract().header("X-Request-Id");
        assertTrue(id != null && id.length() >= 32, "a generated id: " + id);
    }

    @Test
    void theServicesOwnEndpointsAreNotReachable() throws Exception {
        int gateway = RunningSuite.gateway().port();
        // the services' metrics carry the outbox gauge; the gateway's do not
        String metrics = given().port(gateway).get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("outbox_events_parked"), "/q/metrics is the gateway's own");
        assertTrue(metrics.contains("gateway_requests_seconds"), "/q/metrics is the gateway's own");
        given().port(gateway).get("/admin/outbox/parked").then().statusCode(404).contentType("application/problem+json");
        // dot segments, plain or encoded, never lead from a route to a service's /q
        for (String path : List.of("/v1/conventions/../../q/metrics", "/v1/conventions/%2e%2e/%2e%2e/q/metrics",
                "/v1/conventions/..%2f..%2fq/metrics")) {
            String answer = rawGet(gateway, path);
            assertFalse(answer.contains("outbox_events_parked"), path + " reached a service's metrics:\n" + answer);
        }
    }

    /** A request sent as written: HTTP clients would resolve dot segments or add headers of their own. */
    static String rawGet(int port, String path) throws Exception {
        return rawExchange(port, "GET " + path + " HTTP/1.1", "");
    }

    /** Sends the request line, the headers (one a line) and the body as they are; returns the whole response. */
    static String rawExchange(int port, String requestLine, String headers, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String head = requestLine + "\r\nHost: localhost:" + port + "\r\n"
                    + (headers.contains("Connection:") ? "" : "Connection: close\r\n")
                    + headers.replace("\n", "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** The head and the body, by its Content-Length or its chunks; without either, all until the connection closes. */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return head.toString(StandardCharsets.UTF_8);
            }
            head.write(next);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(head.toString(StandardCharsets.ISO_8859_1));
        if (length.find()) {
            return head.toString(StandardCharsets.UTF_8)
                    + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
        if (head.toString(StandardCharsets.ISO_8859_1).toLowerCase().contains("transfer-encoding: chunked")) {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.write(next);
            }
            return head.toString(StandardCharsets.UTF_8);
        }
        return head.toString(StandardCharsets.UTF_8) + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static String rawExchange(int port, String requestLine, String headers) throws Exception {
        return rawExchange(port, requestLine, headers, "");
    }
}
