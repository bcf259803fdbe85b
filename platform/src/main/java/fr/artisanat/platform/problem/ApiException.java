package fr.artisanat.platform.problem;

import java.util.List;

/**
 * A failure the client can act on. Thrown from any layer; {@link ProblemMappers} turns it into problem+json.
 * The type slug becomes {@code /problems/<slug>}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String typeSlug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    /** A request whose fields are individually well-formed but break a rule: 422 naming the field. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(422, "validation", "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String typeSlug, String detail) {
        return new ApiException(409, typeSlug, "Conflict with the current state", detail);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
