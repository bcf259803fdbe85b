package fr.artisanat.registry.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.artisanat.registry.repository.EstablishmentRecord;

/**
 * An establishment as the API returns it. For diffusion status P, name, trade names and address are always absent:
 * they are not stored, and the read model ({@link EstablishmentRecord}) drops them again should they ever be.
 */
@Schema(name = "Establishment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstablishmentView(
        @Schema(examples = "12345678900017") @Size(max = 14) String siret, @Size(max = 9) String siren, @Size(max = 5) String nic,
        @Schema(description = "O: public; P: the person opposed diffusion (name, trade names, address withheld)", examples = "O") @Size(max = 1) String diffusion,
        @Size(max = 200) String name, @Size(max = 3) List<@Size(max = 200) String> tradeNames, Address address,
        @Schema(description = "INSEE code of the commune", examples = "26281") @Size(max = 5) String commune,
        @Schema(examples = "43.22A") @Size(max = 6) String nafCode, @Size(max = 300) String nafLabel,
        @Schema(examples = "NAFRev2") @Size(max = 10) String nafNomenclature, @Schema(examples = "4322AZ") @Size(max = 6) String nafaCode,
        @Schema(examples = "BATIMENT", description = "ALIMENTATION, BATIMENT, FABRICATION, SERVICES or AUTRE") @Size(max = 20) String craftFamily,
        @Schema(examples = "01") @Size(max = 2) String employeeBand, Integer bandYear, LocalDate createdOn, LocalDate closedOn,
        boolean headOffice, boolean employer, boolean active, ClassificationView classification, long version,
        Instant updatedAt) {

    @Schema(name = "EstablishmentAddress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(@Size(max = 10) String streetNumber, @Size(max = 10) String streetType, @Size(max = 200) String streetName,
            @Size(max = 200) String extra, @Size(max = 5) String postalCode, @Size(max = 200) String communeName) {
    }

    @Schema(name = "ClassificationView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClassificationView(Integer metierArtDomain, @Size(max = 100) String metierArtDomainName,
            @Size(max = 200) String metierArtLabel, boolean developmentPotential, @Size(max = 20) List<@Size(max = 60) String> tags,
            long version, @Size(max = 200) String updatedBy, Instant updatedAt) {
    }

    public static EstablishmentView of(EstablishmentRecord e) {
        EstablishmentRecord.Address a = e.address();
        EstablishmentRecord.Classification c = e.classification();
        return new EstablishmentView(e.siret(), e.siren(), e.nic(), e.diffusion(), e.name(), e.tradeNames(),
                a == null ? null : new Address(a.streetNumber(), a.streetType(), a.streetName(), a.extra(), a.postalCode(),
                        a.communeName()),
                e.commune(), e.nafCode(), e.nafLabel(), e.nafNomenclature(), e.nafaCode(), e.craftFamily(), e.employeeBand(),
                e.bandYear(), e.createdOn(), e.closedOn(), e.headOffice(), e.employer(), e.active(),
                c == null ? null : new ClassificationView(c.metierArtDomain(), c.metierArtDomainName(), c.metierArtLabel(),
                        c.developmentPotential(), c.tags(), c.version(), c.updatedBy(), c.updatedAt()),
                e.version(), e.updatedAt());
    }
}
