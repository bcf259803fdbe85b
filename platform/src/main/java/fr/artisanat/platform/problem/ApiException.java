package fr.artisanat.platform.problem;

import java.util.List;

/**
 * A problem of the HTTP exchange itself (a query parameter that does not parse, an Idempotency-Key reused for another
 * body), thrown by the API layer only; {@link ProblemMappers} turns it into problem+json. The type slug becomes
 * {@code /problems/<slug>}. What the domain refuses is a {@code fr.artisanat.platform.failure.DomainFailure}.
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
