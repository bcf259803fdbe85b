package fr.artisanat.platform.messaging;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How a service applies the events of another one's topic (docs/adr/0015-registry-projection-of-conventions.md):
 * from a {@code @Incoming @Blocking} method of its {@code messaging/incoming} package whose channel has
 * {@code failure-strategy=dead-letter-queue}, call {@link #applyOnce}. Each event is applied in a transaction of its
 * own that also stores its id ({@link ProcessedEvents}): a redelivered event changes nothing, a rolled back one is
 * not marked. What the event does to the consumer's state, and the order of an aggregate's versions, are the
 * service's.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @Inject
    ProcessedEvents processed;

    /**
     * Applies the record's event once for {@code consumer}. Returns once it is applied (or was already); throws, so
     * that the channel sends the record to its dead-letter topic and goes on, when the record is a
     * {@link PoisonEvent} or applying it fails for a reason of its own; tries again, for as long as it takes, after
     * a {@link TransientFailures transient} failure, since the next events could not be applied either: the
     * partition waits, nothing is lost or reordered.
     */
    public void applyOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> apply) {
        IncomingEvent event = IncomingEvent.of(record);
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.firstDelivery(consumer, event.id())) {
                        apply.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    LOG.errorf("%s could not apply event %s (%s, subject %s), sent to the dead-letter topic: %s",
                            consumer, event.id(), event.type(), event.subject(), e);
                    throw e;
                }
                LOG.warnf("%s: attempt %d to apply event %s (%s) failed for a transient reason, trying again in %s: %s",
                        consumer, attempt, event.id(), event.type(), pause, e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to apply an event again (shutting down)", e);
        }
    }
}
