package fr.artisanat.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.artisanat.platform.outbox.CloudEventHeaders;
import io.smallrye.common.annotation.Blocking;

/** A consumer written the way services should write theirs: dedup and state change in one transaction. */
@ApplicationScoped
public class GreetingConsumer {

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    @Incoming("greetings")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        if (!processed.firstDelivery("greeting-consumer", eventId)) {
            return;
        }
        if (record.value().startsWith("poison")) {
            throw new IllegalArgumentException("cannot apply " + record.value());
        }
        em.createNativeQuery("insert into greeting (event_id, text) values (:id, :text)")
                .setParameter("id", eventId).setParameter("text", record.value()).executeUpdate();
    }
}
