package fr.artisanat.registry.messaging.outgoing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.hibernate.Session;

import fr.artisanat.platform.outbox.Outbox;
import fr.artisanat.registry.api.EstablishmentView;

/**
 * Events of the {@code establishments} topic written by the service itself. The import writes its own, set-based,
 * from the same {@link EstablishmentEventData}.
 */
@ApplicationScoped
public class EstablishmentEvents {

    public static final String TOPIC = "establishments";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** The data of every establishment event; {@code previousCommune} only for a relocation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(EstablishmentEventData establishment, String previousCommune) {
    }

    /** Reads the establishment in the caller's transaction, so the event carries what it just wrote. */
    public void classified(String siret) {
        em.flush();
        EstablishmentView view = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(EstablishmentView.SELECT + " where e.siret = ?")) {
                select.setString(1, siret);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return EstablishmentView.of(rs);
                }
            }
        });
        outbox.append(TOPIC, siret, "establishment.classified.v1", new Data(EstablishmentEventData.of(view), null));
    }
}
