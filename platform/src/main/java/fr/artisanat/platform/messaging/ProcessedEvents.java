package fr.artisanat.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The event ids each consumer has applied: {@link #firstDelivery} runs inside the transaction that applies an event
 * (as {@link IdempotentConsumer} does), so the id is stored with the state change, a redelivered event is recognised
 * and skipped, and a rolled back one is not marked.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time this consumer sees the event id, false on every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
