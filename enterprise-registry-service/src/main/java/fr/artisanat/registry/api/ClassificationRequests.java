package fr.artisanat.registry.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.service.ClassificationCommands;

/** Request bodies of the classification of establishments, each mapped to the command of its use case. */
public final class ClassificationRequests {

    private ClassificationRequests() {
    }

    @Schema(name = "Classify")
    public record Classify(
            @Valid MetierArt metierArt,
            @Size(max = 20) @Schema(examples = "[\"filiere-argile\"]")
            List<@NotNull @Size(max = 60) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,59}$", message = "lowercase letters, digits and '-'") String> tags,
            Boolean developmentPotential) {

        ClassificationCommands.Classify toCommand() {
            return new ClassificationCommands.Classify(metierArt == null ? null : metierArt.toCommand(), tags,
                    developmentPotential);
        }
    }

    @Schema(name = "MetierArt")
    public record MetierArt(
            @NotNull @Min(1) @Max(16) @Schema(description = "Rank of the domain in the official list (6: Céramique, 9: Mode et accessoires)", examples = "9") Integer domain,
            @Size(max = 200) @Schema(examples = "Éventailliste") String label) {

        ClassificationCommands.MetierArt toCommand() {
            return new ClassificationCommands.MetierArt(domain, label);
        }
    }

    @Schema(name = "NewNote")
    /** The author is the caller. */
    public record Note(@NotBlank @Size(max = 4000) String text) {
    }
}
