package fr.artisanat.convention.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount of money as a decimal string (never a float) with its ISO 4217 currency. */
@Schema(name = "Money")
public record Money(
        @NotNull @Pattern(regexp = "^\\d{1,12}(\\.\\d{1,2})?$", message = "must be a decimal amount such as 45000.00")
        @Size(max = 15) @Schema(examples = "45000.00") String amount,
        @NotNull @Pattern(regexp = "^EUR$", message = "must be EUR")
        @Size(max = 3) @Schema(examples = "EUR", description = "ISO 4217 code; conventions are in euros") String currency) {
}
