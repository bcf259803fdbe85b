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
}
