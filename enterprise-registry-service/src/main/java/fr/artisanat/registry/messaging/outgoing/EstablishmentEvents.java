package fr.artisanat.registry.messaging.outgoing;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.hibernate.Session;

import fr.artisanat.platform.outbox.Outbox;

/**
 * Events of the {@code establishments} topic written by the service itself. The import writes its own, set-based,
 * from the same {@link EstablishmentEventData}.
 */
@ApplicationScoped
public class EstablishmentEvents {

    public static final String TOPIC = "establishments";

    /** What an event carries of an establishment. */
    private static final String SELECT = """
            select e.siret, e.siren, e.diffusion, e.name, e.trade_names, e.street_number, e.street_type, e.street_name,
                e.address_extra, e.postal_code, e.commune_name, e.commune, e.naf_code, e.naf_nomenclature, e.nafa_code,
                e.craft_family, e.employee_band, e.band_year, e.created_on, e.closed_on, e.head_office, e.employer,
                e.active, e.version, c.siret as classified, c.metier_art_domain, c.metier_art_label,
                c.development_potential, c.tags
            from establishment e left join classification c on c.siret = e.siret
            where e.siret = ?""";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /**
     * The data of every establishment event; {@code previousCommune} only for a relocation, {@code classifiedBy} (the
     * id of who classified: their token's subject) only for a classification.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(EstablishmentEventData establishment, String previousCommune, String classifiedBy) {

        /** An event of an import: nobody classified. */
        public Data(EstablishmentEventData establishment, String previousCommune) {
            this(establishment, previousCommune, null);
        }
    }

    /** Reads the establishment in the caller's transaction, so the event carries what it just wrote. */
    public void classified(String siret, String classifiedBy) {
        em.flush();
        EstablishmentEventData establishment = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, siret);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return data(rs);
                }
            }
        });
        outbox.append(TOPIC, siret, "establishment.classified.v1", new Data(establishment, null, classifiedBy));
    }

    /** The constructor drops what diffusion P withholds, whatever the row holds. */
    private static EstablishmentEventData data(ResultSet rs) throws SQLException {
        return new EstablishmentEventData(rs.getString("siret"), rs.getString("siren"), rs.getString("diffusion"),
                rs.getString("name"), strings(rs.getArray("trade_names")),
                new EstablishmentEventData.Address(rs.getString("street_number"), rs.getString("street_type"),
                        rs.getString("street_name"), rs.getString("address_extra"), rs.getString("postal_code"),
                        rs.getString("commune_name")),
                null, rs.getString("commune"), rs.getString("naf_code"), rs.getString("naf_nomenclature"),
                rs.getString("nafa_code"), rs.getString("craft_family"), rs.getString("employee_band"),
                (Integer) rs.getObject("band_year"), rs.getObject("created_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getBoolean("head_office"), rs.getBoolean("employer"),
                rs.getBoolean("active"), rs.getLong("version"),
                rs.getString("classified") == null ? null : new EstablishmentEventData.Classification(
                        (Integer) rs.getObject("metier_art_domain"), rs.getString("metier_art_label"),
                        rs.getBoolean("development_potential"), strings(rs.getArray("tags"))));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
