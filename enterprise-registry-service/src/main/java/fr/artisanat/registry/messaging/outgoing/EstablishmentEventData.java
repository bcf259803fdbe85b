package fr.artisanat.registry.messaging.outgoing;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code establishment} object of every event of the {@code establishments} topic, written by the import and by
 * the service alike: the one definition of what the events carry, and of their privacy rule (name, trade names and
 * address only for diffusion O; the constructor drops them otherwise and lists them in {@code withdrawnFields}, so
 * that a consumer erases a copy it holds: an absent value is only unknown, a withdrawn one must not be kept). Absent
 * values are left out. Its
 * contract is docs/events/schemas/defs/establishment.v1.schema.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstablishmentEventData(String siret, String siren, String diffusion, String name, List<String> tradeNames,
        Address address, List<String> withdrawnFields, String commune, String nafCode, String nafNomenclature,
        String nafaCode, String craftFamily, String employeeBand, Integer bandYear, LocalDate createdOn,
        LocalDate closedOn, boolean headOffice, boolean employer, boolean active, Long version,
        Classification classification) {

    /** The fields an establishment with diffusion P withholds, as named in this record. */
    public static final List<String> PROTECTED_FIELDS = List.of("name", "tradeNames", "address");

    /** {@code withdrawnFields} follows from the diffusion: whatever is passed for it is replaced. */
    public EstablishmentEventData {
        boolean diffusible = "O".equals(diffusion);
        if (!diffusible) {
            name = null;
            tradeNames = null;
            address = null;
        }
        withdrawnFields = diffusible ? null : PROTECTED_FIELDS;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String streetNumber, String streetType, String streetName, String extra, String postalCode,
            String communeName) {
    }

    /** The chamber's classification, in the events of a classified establishment (the service's and the import's alike). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Classification(Integer metierArtDomain, String metierArtLabel, boolean developmentPotential,
            List<String> tags) {
    }
}
