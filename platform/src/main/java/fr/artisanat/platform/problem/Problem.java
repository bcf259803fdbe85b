package fr.artisanat.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx response of the suite, with the request id and, for
 * validation, the invalid fields. Its OpenAPI schema is written by the platform's OpenAPI filter ({@code fr.artisanat.platform.openapi}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Bounds of what a problem says (OWASP API4), kept here whatever a message quotes: type, title and request id. */
    public static final int NAME_MAX_LENGTH = 200;
    /** Detail and instance (the path). */
    public static final int TEXT_MAX_LENGTH = 2000;
    /** Field errors listed; a request with more invalid fields gets the first ones. */
    public static final int MAX_ERRORS = 100;

    public Problem {
        detail = FieldError.cut(detail, TEXT_MAX_LENGTH);
        instance = FieldError.cut(instance, TEXT_MAX_LENGTH);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }
}
