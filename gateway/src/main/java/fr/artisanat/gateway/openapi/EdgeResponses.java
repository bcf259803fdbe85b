package fr.artisanat.gateway.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.artisanat.gateway.problem.Problem;

/**
 * What the gateway adds to every operation of the suite's document: its rate limit (429 problem+json with
 * {@code Retry-After}, and the {@code RateLimit-Policy} and {@code RateLimit} headers of
 * draft-ietf-httpapi-ratelimit-headers-09 on every response it counted, docs/adr/0016) and CORS
 * ({@code Access-Control-Allow-Origin} for the browsers of the allowed origins). Headers are components, referred to.
 */
final class EdgeResponses {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HEADERS = "#/components/headers/";
    /** A structured field of one policy: its quoted name (a configuration key) and a few numbers. */
    private static final int RATE_LIMIT_MAX_LENGTH = 300;
    /** An allowed origin is scheme, host and port. */
    private static final int ORIGIN_MAX_LENGTH = 2048;
    /** Seconds, as an integer: at most the longest configured period. */
    private static final int RETRY_AFTER_MAX_LENGTH = 10;

    private EdgeResponses() {
    }

    static void document(ObjectNode document) {
        ObjectNode components = document.withObject("components");
        ObjectNode headers = JSON.objectNode();
        headers.set("Access-Control-Allow-Origin", header("The caller's Origin, when it is one of the allowed origins"
                + " (gateway.cors.origins); absent otherwise, so that browsers of other origins withhold the response",
                "https://partners.example.org", ORIGIN_MAX_LENGTH));
        headers.set("RateLimit", header("What is left of the caller's budget (draft-ietf-httpapi-ratelimit-headers-09):"
                + " r requests remain, and the budget is full again in t seconds. Absent when the gateway did not count the"
                + " request (401: no valid token; or its rate-limit store could not decide)",
                "\"role:partner-system\";r=1187;t=1", RATE_LIMIT_MAX_LENGTH));
        headers.set("RateLimit-Policy", header("The caller's rate limit (draft-ietf-httpapi-ratelimit-headers-09): its"
                + " name, q requests per window of w seconds, refilled smoothly; per client of the token, by its own"
                + " limit or its roles'", "\"role:partner-system\";q=1200;w=60", RATE_LIMIT_MAX_LENGTH));
        ObjectNode retryAfter = header("Seconds to wait before the budget holds a request again", "12", RETRY_AFTER_MAX_LENGTH);
        headers.set("Retry-After", retryAfter.put("required", true));
        components.set("headers", headers);

        document.path("paths").forEach(item -> item.forEach(operation -> {
            if (!operation.has("responses")) {
                return;
            }
            ObjectNode responses = (ObjectNode) operation.path("responses");
            responses.set("429", tooManyRequests());
            responses.properties().forEach(response -> {
                String status = response.getKey();
                ObjectNode described = (ObjectNode) response.getValue();
                if (status.startsWith("2") || status.startsWith("4")) {
                    refer(described, "RateLimit-Policy");
                    refer(described, "RateLimit");
                }
                if (described.has("headers")) {
                    refer(described, "Access-Control-Allow-Origin");
                }
            });
        }));
    }

    private static ObjectNode tooManyRequests() {
        ObjectNode response = JSON.objectNode()
                .put("description", "The caller's rate limit is used up: retry after the delay given in Retry-After");
        response.withObject("content").withObject(Problem.MEDIA_TYPE).withObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        refer(response, "Retry-After");
        return response;
    }

    private static void refer(ObjectNode response, String header) {
        response.withObject("headers").set(header, JSON.objectNode().put("$ref", HEADERS + header));
    }

    private static ObjectNode header(String description, String example, int maxLength) {
        ObjectNode header = JSON.objectNode().put("description", description);
        header.withObject("schema").put("type", "string").put("maxLength", maxLength).set("examples",
                JSON.arrayNode().add(example));
        return header;
    }
}
