package fr.artisanat.convention.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.convention.domain.Chamber;
import fr.artisanat.convention.domain.ChamberLevel;

@Schema(name = "Chamber")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChamberView(UUID id, String name, ChamberLevel level, String region, UUID parentId, String siren, long version) {

    public static ChamberView of(Chamber c) {
        return new ChamberView(c.id, c.name, c.level, c.region, c.parent == null ? null : c.parent.id, c.siren, c.version);
    }
}
