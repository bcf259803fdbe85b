package fr.artisanat.registry.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An establishment as the API returns it. For diffusion status P, name, trade names and address are always absent:
 * they are not stored, and this mapping drops them again should they ever be.
 */
@Schema(name = "Establishment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstablishmentView(
        @Schema(examples = "12345678900017") String siret, String siren, String nic,
        @Schema(description = "O: public; P: the person opposed diffusion (name, trade names, address withheld)", examples = "O") String diffusion,
        String name, List<String> tradeNames, Address address,
        @Schema(description = "INSEE code of the commune", examples = "26281") String commune,
        @Schema(examples = "43.22A") String nafCode, String nafLabel, @Schema(examples = "NAFRev2") String nafNomenclature,
        @Schema(examples = "4322AZ") String nafaCode,
        @Schema(examples = "BATIMENT", description = "ALIMENTATION, BATIMENT, FABRICATION, SERVICES or AUTRE") String craftFamily,
        @Schema(examples = "01") String employeeBand, Integer bandYear, LocalDate createdOn, LocalDate closedOn,
        boolean headOffice, boolean employer, boolean active, ClassificationView classification, long version,
        Instant updatedAt) {

    @Schema(name = "EstablishmentAddress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String streetNumber, String streetType, String streetName, String extra, String postalCode,
            String communeName) {
    }

    @Schema(name = "ClassificationView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClassificationView(Integer metierArtDomain, String metierArtDomainName, String metierArtLabel,
            boolean developmentPotential, List<String> tags, long version, String updatedBy, Instant updatedAt) {
    }

    /** The columns {@link #of(ResultSet)} reads, for queries over establishment e. */
    public static final String SELECT = """
            select e.siret, e.siren, e.nic, e.diffusion, e.name, e.trade_names, e.street_number, e.street_type,
                e.street_name, e.address_extra, e.postal_code, e.commune_name, e.commune, e.naf_code, n.label as naf_label,
                e.naf_nomenclature, e.nafa_code, e.craft_family, e.employee_band, e.band_year, e.created_on, e.closed_on,
                e.head_office, e.employer, e.active, e.version, e.updated_at,
                c.siret as classified, c.metier_art_domain, d.name as metier_art_domain_name, c.metier_art_label,
                c.development_potential, c.tags, c.version as classification_version, c.updated_by,
                c.updated_at as classified_at
            from establishment e
            left join naf_code n on n.code = e.naf_code
            left join classification c on c.siret = e.siret
            left join metier_art_domain d on d.rank = c.metier_art_domain
            """;

    public static EstablishmentView of(ResultSet rs) throws SQLException {
        boolean open = "O".equals(rs.getString("diffusion"));
        return new EstablishmentView(rs.getString("siret"), rs.getString("siren"), rs.getString("nic"),
                rs.getString("diffusion"),
                open ? rs.getString("name") : null,
                open ? strings(rs.getArray("trade_names")) : null,
                open ? new Address(rs.getString("street_number"), rs.getString("street_type"), rs.getString("street_name"),
                        rs.getString("address_extra"), rs.getString("postal_code"), rs.getString("commune_name")) : null,
                rs.getString("commune"), rs.getString("naf_code"), rs.getString("naf_label"), rs.getString("naf_nomenclature"),
                rs.getString("nafa_code"), rs.getString("craft_family"), rs.getString("employee_band"),
                (Integer) rs.getObject("band_year"), rs.getObject("created_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getBoolean("head_office"), rs.getBoolean("employer"),
                rs.getBoolean("active"),
                rs.getString("classified") == null ? null : new ClassificationView((Integer) rs.getObject("metier_art_domain"),
                        rs.getString("metier_art_domain_name"), rs.getString("metier_art_label"),
                        rs.getBoolean("development_potential"), strings(rs.getArray("tags")),
                        rs.getLong("classification_version"), rs.getString("updated_by"),
                        rs.getTimestamp("classified_at").toInstant()),
                rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
