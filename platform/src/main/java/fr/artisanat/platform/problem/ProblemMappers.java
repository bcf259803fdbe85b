package fr.artisanat.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import fr.artisanat.platform.failure.DomainFailure;
import fr.artisanat.platform.failure.FieldViolation;
import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.failure.StaleVersion;
import fr.artisanat.platform.failure.StateConflict;
import fr.artisanat.platform.failure.VersionRequired;
import fr.artisanat.platform.pagination.InvalidCursor;
import fr.artisanat.platform.web.EntityTags;
import fr.artisanat.platform.web.QueryParams;
import fr.artisanat.platform.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every failure into RFC 9457 problem+json: field errors for bad input, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** RFC 6750's challenge, on every 401: how to authenticate, and whether the token sent was refused. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"partnerships\"";

    /**
     * No bearer token (the caller is anonymous), or one quarkus-oidc refused: bad signature, issuer, audience or
     * algorithm, expired or not yet valid. The detail does not say which: a caller who forges tokens learns nothing.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        boolean refused = e instanceof AuthenticationFailedException;
        Response problem = respond(401, "unauthorized", "Unauthorized", refused
                ? "The bearer token was refused: it is not one the suite's identity provider issued for this API, or it is expired or not yet valid"
                : "This operation needs a bearer token from the suite's identity provider (Authorization: Bearer ...)",
                uri, List.of());
        return Response.fromResponse(problem)
                .header("WWW-Authenticate", refused ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", e.getMessage() == null || e.getMessage().isBlank()
                ? "The caller's roles do not allow this operation" : e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.status(), e.typeSlug(), e.title(), e.getMessage(), uri, e.errors());
    }

    /** What the domain refused, in HTTP terms: the status, type and title each kind of failure always gets. */
    @ServerExceptionMapper
    public Response refused(DomainFailure failure, UriInfo uri) {
        return switch (failure) {
            case NotFound notFound -> respond(404, "not-found", notFound.what() + " not found", notFound.getMessage(), uri,
                    List.of());
            case InvalidCommand invalid -> respond(422, "validation", "Invalid request", invalid.getMessage(), uri,
                    invalid.violations().stream().map(ProblemMappers::fieldError).toList());
            case StateConflict conflict -> respond(409, conflict.type(), "Conflict with the current state",
                    conflict.getMessage(), uri, List.of());
            case StaleVersion stale -> respond(412, "precondition-failed", "Precondition failed",
                    "The resource changed since you read it: its ETag is now " + EntityTags.of(stale.current()), uri, List.of());
            case VersionRequired required -> respond(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the version you read", uri, List.of());
        };
    }

    /** A cursor is a query parameter: one the list did not hand out is bad input naming it. */
    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursor e, UriInfo uri) {
        return api(QueryParams.invalid("cursor", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(400, "validation", "Invalid request", describe(errors), uri, errors);
    }

    /** Quarkus maps the most specific Jackson exceptions itself (plain JSON): these win over its mappers. */
    @ServerExceptionMapper({ JsonParseException.class, JsonMappingException.class, MismatchedInputException.class })
    public Response jsonSpecific(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return respond(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON (line " + e.getLocation().getLineNr() + ")", uri, List.of());
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message = jsonMessage(e);
        List<FieldError> errors = List.of(new FieldError(field.isEmpty() ? "body" : field, message));
        return respond(400, "validation", "Invalid request", describe(errors), uri, errors);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert (e.g. limit=abc): it is bad input.
            return respond(400, "validation", "Invalid request",
                    "A parameter does not have the documented type: " + e.getCause().getMessage(), uri, List.of());
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(status, slug, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(409, "concurrent-modification", "Concurrent modification",
                "The resource was changed by another request at the same time; read it again and retry", uri, List.of());
    }

    /**
     * Everything else. Failures raised at commit arrive wrapped (e.g. in a RollbackException): the cause chain
     * still tells a unique-key clash or a lost optimistic lock from a real bug.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String constraint = violation.getConstraintName();
                return respond(409, "constraint-violation", "Conflict with existing data",
                        constraint == null ? "The change conflicts with existing data"
                                : "The change conflicts with existing data (" + constraint + ")",
                        uri, List.of());
            }
            if (cause instanceof org.hibernate.exception.DataException) {
                // PostgreSQL refuses some values JSON allows, such as the NUL character in a string.
                return respond(400, "invalid-data", "Invalid request",
                        "The request holds a value that cannot be stored (e.g. a NUL character)", uri, List.of());
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange((RuntimeException) cause, uri);
            }
            if (cause instanceof ApiException api) {
                return api(api, uri);
            }
            if (cause instanceof DomainFailure failure) {
                return refused(failure, uri);
            }
            if (cause instanceof InvalidCursor cursor) {
                return invalidCursor(cursor, uri);
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "internal", "Internal error",
                "An unexpected error occurred; quote the request id when reporting it", uri, List.of());
    }

    static Response respond(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem problem = new Problem("/problems/" + slug, title, status, detail,
                uri == null ? null : uri.getPath(), RequestIds.current(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static FieldError fieldError(FieldViolation violation) {
        return new FieldError(violation.field(), violation.message());
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }

    /** The path of the invalid value inside the request, without the Java method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                field.setLength(0);
                if (!isBodyParameter(node.getName())) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static final Set<String> BODY_PARAMETER_NAMES = Set.of("request", "body", "command");

    private static boolean isBodyParameter(String name) {
        return BODY_PARAMETER_NAMES.contains(name);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown property '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + f.getValue() + "' is not one of " + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        return e.getOriginalMessage();
    }
}
