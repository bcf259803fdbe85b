package fr.artisanat.registry.messaging.incoming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.artisanat.platform.messaging.IdempotentConsumer;
import fr.artisanat.platform.messaging.PoisonEvent;
import fr.artisanat.registry.service.ConventionProjection;
import io.smallrye.common.annotation.Blocking;

/**
 * The registry's consumer of the {@code conventions} topic (channel {@code conventions} in application.properties):
 * each {@code convention.*.v1} event, applied once, updates the projection. The events of another major version are
 * published alongside the v1 ones (docs/events.md) and skipped; a record that is no convention event, or lacks what
 * the projection needs, goes to the dead-letter topic.
 */
@ApplicationScoped
public class ConventionEventsConsumer {

    /** The consumer's name in processed_event. */
    static final String CONSUMER = "registry-conventions";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ConventionProjection projection;

    @Incoming("conventions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.applyOnce(CONSUMER, record, event -> {
            if (!event.type().startsWith("convention.")) {
                throw new PoisonEvent("Event " + event.id() + " of type " + event.type() + " is no convention event");
            }
            if (event.type().endsWith(".v1")) {
                projection.apply(event.data(ConventionEvent.class).toKnownConvention(event));
            }
        });
    }
}
