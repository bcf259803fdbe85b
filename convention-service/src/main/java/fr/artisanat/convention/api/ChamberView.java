package fr.artisanat.convention.api;

import java.util.UUID;

import jakarta.validation.constraints.Size;


import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.ChamberLevel;

@Schema(name = "Chamber")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChamberView(UUID id, @Size(max = 200) String name, ChamberLevel level, @Size(max = 100) String region,
        UUID parentId, @Size(max = 9) String siren, long version) {

    public static ChamberView of(Chamber c) {
        return new ChamberView(c.id, c.name, c.level, c.region, c.parent == null ? null : c.parent.id, c.siren, c.version);
    }
}
