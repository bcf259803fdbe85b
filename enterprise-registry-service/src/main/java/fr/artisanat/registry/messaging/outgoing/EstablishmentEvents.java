package fr.artisanat.registry.messaging.outgoing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonRawValue;

import fr.artisanat.platform.outbox.Outbox;

/**
 * Events of the {@code establishments} topic written by the service itself (the import writes its own, set-based,
 * with the same SQL function {@code establishment_event_data}, so both carry the same privacy-safe data).
 */
@ApplicationScoped
public class EstablishmentEvents {

    public static final String TOPIC = "establishments";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** The data of the event as one JSON object, kept verbatim. */
    record Data(@JsonRawValue String establishment) {
    }

    public void classified(String siret) {
        em.flush();
        String data = (String) em.createNativeQuery("""
                select establishment_event_data(e, c)::text from establishment e
                left join classification c on c.siret = e.siret where e.siret = :siret""")
                .setParameter("siret", siret).getSingleResult();
        outbox.append(TOPIC, siret, "establishment.classified.v1", new Data(data));
    }
}
