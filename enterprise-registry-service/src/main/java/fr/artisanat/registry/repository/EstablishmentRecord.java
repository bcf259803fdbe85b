package fr.artisanat.registry.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An establishment as the registry's queries read it, with the chamber's classification. For diffusion status P,
 * name, trade names and address are always absent: they are not stored, and this mapping drops them again should
 * they ever be.
 */
public record EstablishmentRecord(String siret, String siren, String nic, String diffusion, String name,
        List<String> tradeNames, Address address, String commune, String nafCode, String nafLabel, String nafNomenclature,
        String nafaCode, String craftFamily, String employeeBand, Integer bandYear, LocalDate createdOn, LocalDate closedOn,
        boolean headOffice, boolean employer, boolean active, Classification classification, long version,
        Instant updatedAt) {

    public record Address(String streetNumber, String streetType, String streetName, String extra, String postalCode,
            String communeName) {
    }

    /** {@code metierArtDomainName}: the name of the domain in the official list. */
    public record Classification(Integer metierArtDomain, String metierArtDomainName, String metierArtLabel,
            boolean developmentPotential, List<String> tags, long version, String updatedBy, Instant updatedAt) {
    }

    /**
     * The columns {@link #of(ResultSet)} reads, for queries over establishment e, with the classification only where
     * the scope shows it (an authority without a convention sharing it reads the establishment without it).
     */
    static RegistryScope.Condition select(RegistryScope scope) {
        RegistryScope.Condition shown = scope.classificationShown("e");
        return new RegistryScope.Condition(SELECT.formatted(shown.sql()), shown.params());
    }

    private static final String SELECT = """
            select e.siret, e.siren, e.nic, e.diffusion, e.name, e.trade_names, e.street_number, e.street_type,
                e.street_name, e.address_extra, e.postal_code, e.commune_name, e.commune, e.naf_code, n.label as naf_label,
                e.naf_nomenclature, e.nafa_code, e.craft_family, e.employee_band, e.band_year, e.created_on, e.closed_on,
                e.head_office, e.employer, e.active, e.version, e.updated_at,
                c.siret as classified, c.metier_art_domain, d.name as metier_art_domain_name, c.metier_art_label,
                c.development_potential, c.tags, c.version as classification_version, c.updated_by,
                c.updated_at as classified_at
            from establishment e
            left join naf_code n on n.code = e.naf_code
            left join classification c on c.siret = e.siret and %s
            left join metier_art_domain d on d.rank = c.metier_art_domain
            """;

    static EstablishmentRecord of(ResultSet rs) throws SQLException {
        boolean open = "O".equals(rs.getString("diffusion"));
        return new EstablishmentRecord(rs.getString("siret"), rs.getString("siren"), rs.getString("nic"),
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
                rs.getString("classified") == null ? null : new Classification((Integer) rs.getObject("metier_art_domain"),
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
