package fr.artisanat.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: a JSON path such as {@code signatories[1].fullName} and what is wrong with it. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(examples = "parties.authorityIds[0]") String field,
        @Schema(examples = "must be a SIREN of 9 digits with a valid check digit") String message) {
}
