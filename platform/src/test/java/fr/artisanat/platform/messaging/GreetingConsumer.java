package fr.artisanat.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** A consumer written the way services should write theirs: {@link IdempotentConsumer} around its state change. */
@ApplicationScoped
public class GreetingConsumer {

    /** How many times each event was attempted, for the tests to see a transient failure tried again. */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    @Incoming("greetings")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        consumer.applyOnce("greeting-consumer", record, event -> {
            ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (event.data().startsWith("poison")) {
                throw new IllegalArgumentException("cannot apply " + event.data());
            }
            // a table locked by someone else fails the attempt after a second instead of waiting without end
            em.createNativeQuery("set local lock_timeout = '1s'").executeUpdate();
            em.createNativeQuery("insert into greeting (event_id, text) values (:id, :text)")
                    .setParameter("id", event.id()).setParameter("text", event.data()).executeUpdate();
        });
    }
}
