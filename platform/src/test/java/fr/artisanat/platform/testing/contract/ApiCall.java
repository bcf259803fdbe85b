package fr.artisanat.platform.testing.contract;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * One generated request, what it is meant to test, and how it is sent. {@code body} is JSON text, or for
 * multipart/form-data the content of the single file part named {@code multipartField}.
 */
record ApiCall(String method, String path, Map<String, String> query, Map<String, String> headers, String contentType,
        byte[] body, String multipartField, String intent) {

    static final String MULTIPART = "multipart/form-data";

    ApiCall withoutBody(String newIntent) {
        return new ApiCall(method, path, query, headers, null, null, null, newIntent);
    }

    /** The request as sent, for failure reports. */
    String describe() {
        StringBuilder text = new StringBuilder(method.toUpperCase()).append(' ').append(encodedUri());
        headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(abbreviate(value, 120)));
        if (body != null) {
            text.append("\n  body (").append(contentType).append("): ")
                    .append(multipartField != null ? body.length + " bytes in part '" + multipartField + "'"
                            : abbreviate(new String(body, StandardCharsets.UTF_8), 600));
        }
        return text.toString();
    }


    /** Sends it to the application under test (RestAssured is pointed at it by @QuarkusTest). */
    Exchange send() {
        RequestSpecification request = given().config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false);
        headers.forEach(request::header);
        if (body != null && multipartField != null) {
            request.multiPart(multipartField, "upload.bin", body, "application/octet-stream");
        } else if (body != null) {
            request.contentType(contentType).body(body);
        }
        io.restassured.response.Response response = request.request(method.toUpperCase(), encodedUri());
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> responseHeaders.computeIfAbsent(h.getName(), n -> new java.util.ArrayList<>()).add(h.getValue()));
        return new Exchange(this, response.statusCode(), response.getContentType(), responseHeaders, response.asByteArray());
    }

    /** A path parameter value as one percent-encoded segment ({@code path} holds it so). */
    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String encodedUri() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encodeSegment(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The request for the OpenAPI validator (multipart bodies are left out: it does not read them). */
    Request forValidator() {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(), path);
        query.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withContentType(contentType);
            if (multipartField == null) {
                request.withBody(body);
            }
        }
        return request.build();
    }

    /** A request and the response it got. */
    record Exchange(ApiCall call, int status, String contentType, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        com.atlassian.oai.validator.model.Response forValidator() {
            SimpleResponse.Builder response = new SimpleResponse.Builder(status);
            headers.forEach(response::withHeader);
            if (body.length > 0) {
                response.withBody(body);
            }
            return response.build();
        }

        String describe() {
            return call.intent + "\n" + call.describe() + "\n→ " + status + " " + (contentType == null ? "" : contentType)
                    + headers.entrySet().stream().filter(e -> List.of("etag", "location", "link").contains(e.getKey().toLowerCase()))
                            .map(e -> "\n  " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining())
                    + (body.length > 0 ? "\n  " + abbreviate(bodyText(), 800) : "");
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}
