package fr.artisanat.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import fr.artisanat.platform.PlatformSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in insertion order and marks each one published once the broker has acknowledged
 * it (acks=all, idempotent producer). A failure stops the pass; the row is tried again on the next pass, forever.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Extra wait beyond the producer's own delivery timeout, so the producer, not us, decides a send failed. */
    private static final long ACK_GRACE_MS = 5_000;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    PlatformSchema schema;

    private final Counter published;
    private final Counter failures;
    private Producer<String, byte[]> producer;
    private volatile boolean brokerDown;
    private volatile long resumeAfter;

    @Inject
    OutboxRelay(MeterRegistry registry) {
        this.published = registry.counter("outbox.events.published");
        this.failures = registry.counter("outbox.publish.failures");
    }

    @Scheduled(every = "${platform.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!schema.isReady()) {
            return;
        }
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (sent == config.batchSize());
    }

    /**
     * Publishes up to one batch; returns how many were acknowledged. The batch is sent at once and the
     * acknowledgements awaited after, so a burst (an import of thousands of changes) flows at the producer's pace.
     * Rows locked by another relay are skipped. An event whose send failed stays pending and is retried on the next
     * pass; the idempotent producer keeps each partition in order while the broker is reachable.
     */
    int publishBatch() {
        // Starting after the last published seq skips the index entries of rows published (dead) since the last
        // vacuum: without it, each pass of a long burst rescans them all.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = em.createNativeQuery("""
                select * from outbox_event where published_at is null and seq > :after
                order by seq limit :limit for update skip locked""", OutboxEvent.class)
                .setParameter("after", resumeAfter)
                .setParameter("limit", config.batchSize())
                .getResultList();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutboxEvent event : pending) {
            Future<RecordMetadata> ack = send(event);
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                // The producer could not even take it (no metadata, broker down): sending the next ones now could
                // put them on the topic before it.
                break;
            }
        }
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            if (acknowledged(pending.get(i), acks.get(i))) {
                published.add(pending.get(i).seq);
            }
        }
        int sent = published.size();
        if (sent > 0) {
            // one statement for the batch rather than one update per event
            em.createNativeQuery("update outbox_event set published_at = now() where seq in (:seqs)")
                    .setParameter("seqs", published).executeUpdate();
        }
        // From the start again after a failure or an empty pass: rows committed late with a lower seq, or left by
        // another relay, wait at most until the burst is over, never forever.
        resumeAfter = sent == pending.size() && !pending.isEmpty() ? pending.get(pending.size() - 1).seq : 0;
        return sent;
    }

    private static boolean failed(Future<RecordMetadata> done) {
        return done.state() == Future.State.FAILED;
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic, null, event.aggregateId,
                event.payload.getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(event));
        try {
            return producer().send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(OutboxEvent event, Future<RecordMetadata> ack) {
        try {
            ack.get(config.sendTimeout().toMillis() + ACK_GRACE_MS, TimeUnit.MILLISECONDS);
            published.increment();
            if (brokerDown) {
                LOG.infof("Kafka acknowledges again; publishing the outbox backlog");
                brokerDown = false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            event.attempts++;
            event.lastError = truncate(cause.toString());
            failures.increment();
            if (!brokerDown) {
                LOG.warnf("Event %s (%s) not acknowledged by Kafka, will retry: %s", event.eventId, event.eventType, cause);
                brokerDown = true;
            }
            if (!(cause instanceof RetriableException)) {
                resetProducer();
            }
            return false;
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        if (!schema.isReady()) {
            return;
        }
        Instant limit = Instant.now().minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from OutboxEvent e where e.publishedAt < :limit")
                .setParameter("limit", limit)
                .executeUpdate());
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        resetProducer();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
