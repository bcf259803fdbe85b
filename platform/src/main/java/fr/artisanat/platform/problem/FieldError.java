package fr.artisanat.platform.problem;

/**
 * One invalid field of a request: a JSON path such as {@code signatories[1].fullName} and what is wrong with it.
 * Its OpenAPI schema is written by the platform's OpenAPI filter ({@code fr.artisanat.platform.openapi}).
 */
public record FieldError(String field, String message) {

    public static final int FIELD_MAX_LENGTH = 300;

    public FieldError {
        field = cut(field, FIELD_MAX_LENGTH);
        message = cut(message, Problem.TEXT_MAX_LENGTH);
    }

    /** The text, cut to at most {@code max} characters with an ellipsis: a message may quote a long input. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
