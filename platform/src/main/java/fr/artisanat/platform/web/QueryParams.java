package fr.artisanat.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import fr.artisanat.platform.problem.ApiException;
import fr.artisanat.platform.problem.FieldError;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when a query parameter does not convert, and our clients
 * deserve a 400 that names the parameter. A parameter that is absent (the framework hands an empty one over as
 * absent) is absent; one that is there, even blank, must be what the OpenAPI document says it is (its enum, date or
 * id pattern), like any other value.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public static UUID uuid(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "'" + value + "' is not an id (UUID)");
        }
    }

    public static ApiException invalid(String name, String message) {
        return new ApiException(400, "validation", "Invalid request", name + ": " + message,
                java.util.List.of(new FieldError(name, message)));
    }
}
