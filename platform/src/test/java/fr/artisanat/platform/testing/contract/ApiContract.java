package fr.artisanat.platform.testing.contract;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.testing.contract.ApiCall.Exchange;
import fr.artisanat.platform.testing.contract.OpenApiDocument.Operation;
import fr.artisanat.platform.testing.contract.OpenApiDocument.Parameter;
import fr.artisanat.platform.testing.contract.SchemaValues.Violation;

/**
 * The contract test of a service's HTTP API, driven by the OpenAPI document it serves (docs/adr/0008). A service's
 * test extends it with @QuarkusTest, so it runs against the real application, database and broker.
 * <p>
 * For every operation of the document it sends requests generated from the document: valid ones (every parameter
 * and body satisfying its schema: patterns, lengths, bounds, enums, formats, item counts; ids of existing objects
 * where the API listed some) and invalid ones (one constraint broken at a time), then validates each response
 * against the document. It fails on any 5xx, any status the operation does not document, any response (status,
 * headers, body) that its schema does not accept, any valid request refused with a 400 (a rule the document does not
 * state), and any invalid request that is not refused with a documented 4xx problem+json.
 * <p>
 * Generation is random but seeded: the seed is in every test name and failure, and {@code -Dcontract.seed=N} replays
 * the same requests (the database may hold other data by then).
 */
public abstract class ApiContract {

    /** Cursor pagination (docs/adr/0004): a cursor is only ever a {@code next} the API returned. */
    private static final String CURSOR = "cursor";
    private static final int VALID_REQUESTS = 12;
    private static final int MAX_INVALID_REQUESTS = 60;
    private static final int MAX_FAILURES_REPORTED = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Paths of the objects the test prepared for the contract (e.g. {@code /v1/conventions/<id>} in each lifecycle
     * status): requests that change state use only these and the objects they create themselves.
     */
    protected abstract List<String> fixtures();

    /** Called after the requests of each operation, e.g. to wait for the background work they started. */
    protected void settle(List<String> locationsCreated) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationKeepsTheContract() {
        long seed = Long.getLong("contract.seed", new Random().nextLong());
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiDocument document = new OpenApiDocument(json);
        // The validator cannot tell a valid OAuth 2.0 token: the requests carry what the service under test accepts.
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(LevelResolver.create().withLevel("validation.request.security", ValidationReport.Level.IGNORE).build())
                .build();
        List<Operation> operations = new ArrayList<>(document.operations());
        // Reads first, then creations, then the changes to existing objects.
        operations.sort(Comparator.comparingInt((Operation o) -> o.method().equals("get") ? 0 : o.path().contains("{") ? 2 : 1)
                .thenComparing(Operation::path).thenComparing(Operation::method));
        KnownResources known = new KnownResources(operations.stream().map(Operation::path).distinct().toList());
        List<String> fixtures = fixtures();
        for (String fixture : fixtures) {
            known.own(fixture);
            known.harvest(fixture, read(fixture), true);
        }
        for (Operation list : operations) {
            if (list.method().equals("get") && !list.path().contains("{")) {
                known.harvest(list.path(), read(list.path()), false);
            }
        }
        List<String> locations = new ArrayList<>();
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation + " (seed " + seed + ")", () -> {
            Random random = new Random(seed ^ operation.id().hashCode());
            new OperationRun(document, validator, known, operation, random, locations).run(seed);
            settle(List.copyOf(locations));
        }));
    }

    /**
     * Every string and array a request may carry has an upper bound (maxLength, maxItems, an enum, a format of fixed
     * size or an anchored pattern of bounded length): the document says how much a client may send.
     */
    @org.junit.jupiter.api.Test
    void everyRequestStringAndArrayHasAnUpperBound() {
        OpenApiDocument document = new OpenApiDocument(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        RegexStrings regex = new RegexStrings();
        List<String> unbounded = new ArrayList<>();
        for (Operation operation : document.operations()) {
            for (Parameter p : operation.parameters()) {
                UpperBounds.find(document, regex, p.schema(), operation + " " + p.in() + " parameter " + p.name(), unbounded);
            }
            operation.requestBodies().forEach((type, schema) ->
                    UpperBounds.find(document, regex, schema, operation + " body (" + type + ")", unbounded));
        }
        if (!unbounded.isEmpty()) {
            throw new AssertionError("Unbounded in requests:\n" + String.join("\n", unbounded));
        }
    }

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(given().accept("application/json").get(path).then().extract().asString());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The requests of one operation and the verdict on each response. */
    private static final class OperationRun {
        private final OpenApiDocument document;
        private final OpenApiInteractionValidator validator;
        private final KnownResources known;
        private final Operation operation;
        private final Random random;
        private final List<String> locations;
        private final SchemaValues values;
        private final List<String> failures = new ArrayList<>();
        private int sent;

        OperationRun(OpenApiDocument document, OpenApiInteractionValidator validator, KnownResources known,
                Operation operation, Random random, List<String> locations) {
            this.document = document;
            this.validator = validator;
            this.known = known;
            this.operation = operation;
            this.random = random;
            this.locations = locations;
            // Requests that change state only reach objects the test created (see KnownResources).
            this.values = new SchemaValues(document, random, new RegexStrings(),
                    (r, name, identifier, acceptable) -> known.pick(r, name, identifier && operation.changesState(), acceptable));
        }

        void run(long seed) {
            for (int i = 0; i < VALID_REQUESTS && failures.size() < MAX_FAILURES_REPORTED; i++) {
                ApiCall call = validCall();
                Exchange exchange = checkValid(call);
                String next = exchange == null ? null : nextPage(exchange);
                if (next != null) {
                    checkValid(new ApiCall("get", next.replaceFirst("\\?.*", ""), query(next), Map.of(), null, null, null,
                            "the next page, from the Link header of a valid request"));
                }
            }
            List<ApiCall> invalid = invalidCalls();
            java.util.Collections.shuffle(invalid, random);
            for (ApiCall call : invalid.subList(0, Math.min(invalid.size(), MAX_INVALID_REQUESTS))) {
                if (failures.size() >= MAX_FAILURES_REPORTED) {
                    break;
                }
                checkInvalid(call);
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(operation + ": " + failures.size() + " contract failure(s) in " + sent
                        + " requests (replay with -Dcontract.seed=" + seed + ")\n\n" + String.join("\n\n", failures));
            }
        }

        // ------------------------------------------------------------ building requests

        private ApiCall validCall() {
            Map<String, String> pathValues = new LinkedHashMap<>();
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Parameter p : operation.parameters()) {
                if (p.in().equals("path")) {
                    pathValues.put(p.name(), pathValue(p));
                }
            }
            String path = fill(pathValues);
            for (Parameter p : operation.parameters()) {
                switch (p.in()) {
                    case "query" -> {
                        if (!p.name().equals(CURSOR) && (p.required() || random.nextBoolean())) {
                            String value = text(values.valid(p.schema(), p.name()));
                            if (!value.isEmpty() || p.required()) { // an empty value is an absent one
                                query.put(p.name(), value);
                            }
                        }
                    }
                    case "header" -> header(p, path).ifPresent(v -> headers.put(p.name(), v));
                    default -> {
                    }
                }
            }
            return withBody(path, query, headers, "a valid request");
        }

        private String pathValue(Parameter p) {
            String kind = KnownResources.kindOf(operation.path(), p.name());
            boolean existing = operation.changesState() || random.nextInt(10) < 9;
            Optional<String> value = existing
                    ? known.pick(random, kind, operation.changesState(), v -> values.accepts(p.schema(), v))
                    : Optional.empty();
            return value.orElseGet(() -> text(values.valid(p.schema(), p.name())));
        }

        /** If-Match quotes the ETag of the current representation (RFC 9110); other headers follow their schema. */
        private Optional<String> header(Parameter p, String path) {
            if (p.name().equalsIgnoreCase("If-Match")) {
                int roll = random.nextInt(10);
                if (roll < 7) {
                    return currentEntityTag(path);
                }
                return roll < 9 && !p.required() ? Optional.empty() : Optional.of("*");
            }
            if (!p.required() && random.nextInt(4) == 0) {
                return Optional.empty();
            }
            String value = text(values.valid(p.schema(), p.name()));
            return value.isEmpty() && !p.required() ? Optional.empty() : Optional.of(value);
        }

        /** The ETag of the resource or, for an action on it, of the nearest enclosing resource that has one. */
        private Optional<String> currentEntityTag(String path) {
            for (String candidate = path; candidate.lastIndexOf('/') > 0; candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
                String tag = given().get(candidate).getHeader("ETag");
                if (tag != null) {
                    return Optional.of(tag);
                }
            }
            return Optional.empty();
        }

        private ApiCall withBody(String path, Map<String, String> query, Map<String, String> headers, String intent) {
            if (operation.requestBodies().isEmpty() || (!operation.bodyRequired() && random.nextInt(10) == 0)) {
                return new ApiCall(operation.method(), path, query, headers, null, null, null, intent);
            }
            List<String> types = new ArrayList<>(operation.requestBodies().keySet());
            String type = types.get(random.nextInt(types.size()));
            JsonNode schema = operation.requestBodies().get(type);
            if (type.equals(ApiCall.MULTIPART)) {
                byte[] content = new byte[random.nextInt(2048)];
                random.nextBytes(content);
                return new ApiCall(operation.method(), path, query, headers, type, content, fileField(schema), intent);
            }
            return new ApiCall(operation.method(), path, query, headers, type, bytes(values.valid(schema, "body")), null, intent);
        }

        private String fileField(JsonNode schema) {
            return document.resolve(schema).path("properties").properties().stream()
                    .filter(p -> document.resolve(p.getValue()).path("format").asText().equals("binary"))
                    .map(Map.Entry::getKey).findFirst().orElse("file");
        }

        private List<ApiCall> invalidCalls() {
            List<ApiCall> calls = new ArrayList<>();
            for (Parameter p : operation.parameters()) {
                if (p.name().equalsIgnoreCase("If-Match")) {
                    continue;
                }
                for (Violation v : values.violations(p.schema(), p.name())) {
                    if (v.value().isValueNode() && !v.value().isNull() && carriedAsIs(p, v.value().asText())) {
                        calls.add(replacing(p, v.value().asText(), "invalid " + p.in() + " parameter " + p.name() + ": " + v.rule()));
                    }
                }
                if (p.required() && !p.in().equals("path")) {
                    calls.add(replacing(p, null, "required " + p.in() + " parameter " + p.name() + " missing"));
                }
            }
            operation.requestBodies().forEach((type, schema) -> {
                if (type.equals(ApiCall.MULTIPART)) {
                    if (operation.bodyRequired()) {
                        calls.add(validCall().withoutBody("multipart body missing"));
                    }
                    return;
                }
                ApiCall base = validCall();
                for (Violation v : values.violations(schema, "body")) {
                    calls.add(new ApiCall(base.method(), base.path(), base.query(), base.headers(), type, bytes(v.value()), null,
                            "invalid body: " + v.rule()));
                }
                calls.add(new ApiCall(base.method(), base.path(), base.query(), base.headers(), type,
                        "{\"unterminated\": ".getBytes(StandardCharsets.UTF_8), null, "malformed JSON body"));
                if (operation.bodyRequired()) {
                    calls.add(base.withoutBody("required body missing"));
                }
            });
            return calls;
        }

        /**
         * A header value reaches the server as sent only in visible ASCII with no space at either end: HTTP drops the
         * spaces around a field value and clients replace what their encoding lacks. A path segment "." is removed,
         * ".." with the segment before it (RFC 3986, dot segments), so the request reaches another path. Any such value
         * would test the transport, not the server.
         */
        private static boolean carriedAsIs(Parameter parameter, String value) {
            return switch (parameter.in()) {
                case "header" -> value.equals(value.strip()) && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
                case "path" -> !value.equals(".") && !value.equals("..");
                default -> true;
            };
        }

        private ApiCall replacing(Parameter parameter, String value, String intent) {
            ApiCall base = validCall();
            Map<String, String> query = new LinkedHashMap<>(base.query());
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            String path = base.path();
            switch (parameter.in()) {
                case "path" -> {
                    Map<String, String> pathValues = new LinkedHashMap<>();
                    for (Parameter p : operation.parameters()) {
                        if (p.in().equals("path")) {
                            pathValues.put(p.name(), p == parameter ? value : pathValue(p));
                        }
                    }
                    path = fill(pathValues);
                }
                case "query" -> put(query, parameter.name(), value);
                case "header" -> put(headers, parameter.name(), value);
                default -> {
                }
            }
            return new ApiCall(base.method(), path, query, headers, base.contentType(), base.body(), base.multipartField(), intent);
        }

        private static void put(Map<String, String> map, String key, String value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        private String fill(Map<String, String> pathValues) {
            String path = operation.path();
            for (Map.Entry<String, String> e : pathValues.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", ApiCall.encodeSegment(e.getValue()));
            }
            return path;
        }

        // ------------------------------------------------------------ verdicts

        private Exchange checkValid(ApiCall call) {
            ValidationReport report = call.multipartField() == null ? validator.validateRequest(call.forValidator()) : ValidationReport.empty();
            if (report.hasErrors()) {
                failures.add("The generator built a request that the document refuses (fix the generator or the document): "
                        + messages(report) + "\n" + call.describe());
                return null;
            }
            Exchange exchange = exchange(call);
            List<String> problems = responseProblems(exchange);
            if (exchange.status() == 400) {
                problems.add("a request valid by the document was refused with 400: the document does not state the rule");
            }
            report(exchange, problems);
            return exchange;
        }

        private void checkInvalid(ApiCall call) {
            boolean multipart = ApiCall.MULTIPART.equals(call.contentType());
            if (!multipart && !validator.validateRequest(call.forValidator()).hasErrors()) {
                return; // the change did not break the document after all (e.g. a number is a valid query string)
            }
            Exchange exchange = exchange(call);
            List<String> problems = responseProblems(exchange);
            if (exchange.status() < 400 || exchange.status() >= 500) {
                problems.add("a request the document forbids was not refused with a 4xx");
            }
            report(exchange, problems);
        }

        private Exchange exchange(ApiCall call) {
            sent++;
            Exchange exchange = call.send();
            if (exchange.status() / 100 == 2) {
                String location = exchange.header("Location");
                if (location != null) {
                    known.own(location);
                    locations.add(location.replaceFirst("^https?://[^/]+", ""));
                }
                if (isJson(exchange.contentType()) && exchange.body().length > 0) {
                    try {
                        known.harvest(operation.path(), JSON.readTree(exchange.body()), operation.changesState());
                    } catch (Exception e) {
                        // reported by the response validation
                    }
                }
            }
            return exchange;
        }

        private List<String> responseProblems(Exchange exchange) {
            List<String> problems = new ArrayList<>();
            int status = exchange.status();
            if (status >= 500) {
                problems.add("server error");
            }
            Optional<JsonNode> documented = document.response(operation, status);
            if (documented.isEmpty()) {
                problems.add("status " + status + " is not documented for this operation (documented: "
                        + operation.documentedStatuses() + ")");
            }
            ValidationReport report = validator.validateResponse(exchange.call().path(), Request.Method.valueOf(operation.method().toUpperCase()),
                    exchange.forValidator());
            if (report.hasErrors()) {
                problems.add("the response does not validate against the document: " + messages(report));
            }
            Set<String> documentedHeaders = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            documented.ifPresent(r -> r.path("headers").fieldNames().forEachRemaining(documentedHeaders::add));
            for (String header : List.of("ETag", "Location", "Link")) {
                if (exchange.header(header) != null && !documentedHeaders.contains(header)) {
                    problems.add("the response carries a " + header + " header that the document does not declare");
                }
            }
            if (status / 100 == 2 && carriesVersion(exchange) && exchange.header("ETag") == null) {
                problems.add("the response carries a version but no ETag");
            }
            if (status >= 400 && (exchange.contentType() == null || !exchange.contentType().startsWith("application/problem+json"))) {
                problems.add("an error without an application/problem+json body");
            }
            return problems;
        }

        private static boolean carriesVersion(Exchange exchange) {
            if (!isJson(exchange.contentType())) {
                return false;
            }
            try {
                return JSON.readTree(exchange.body()).has("version");
            } catch (Exception e) {
                return false;
            }
        }

        private void report(Exchange exchange, List<String> problems) {
            if (!problems.isEmpty()) {
                failures.add("- " + String.join("\n- ", problems) + "\n" + exchange.describe());
            }
        }

        private static String nextPage(Exchange exchange) {
            String link = exchange.header("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                return null;
            }
            String uri = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            return uri.replaceFirst("^https?://[^/]+", "");
        }

        private static Map<String, String> query(String uri) {
            Map<String, String> query = new LinkedHashMap<>();
            int start = uri.indexOf('?');
            if (start >= 0) {
                for (String pair : uri.substring(start + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return query;
        }

        private static String decode(String text) {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        private static String messages(ValidationReport report) {
            return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).toList().toString();
        }

        private static boolean isJson(String contentType) {
            return contentType != null && contentType.contains("json");
        }

        private static String text(JsonNode value) {
            return value.isValueNode() ? value.asText() : value.toString();
        }

        private static byte[] bytes(JsonNode value) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
