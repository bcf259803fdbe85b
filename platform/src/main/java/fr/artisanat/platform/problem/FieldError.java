package fr.artisanat.platform.problem;

/**
 * One invalid field of a request: a JSON path such as {@code signatories[1].fullName} and what is wrong with it.
 * Its OpenAPI schema is written by the platform's OpenAPI filter ({@code fr.artisanat.platform.openapi}).
 */
public record FieldError(String field, String message) {
}
