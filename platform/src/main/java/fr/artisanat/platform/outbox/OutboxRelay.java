package fr.artisanat.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import fr.artisanat.platform.PlatformSchema;
import fr.artisanat.platform.ServiceLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka and marks each one published once the broker has acknowledged it (acks=all,
 * idempotent producer). Guarantees and their reasons: ADR 0003.
 * <ul>
 * <li>One relay per service at a time: each pass runs under the service's {@link ServiceLocks#OUTBOX_RELAY} lock,
 * which a killed holder loses with its connection.</li>
 * <li>One aggregate's events go out in outbox order: an event is sent only when no earlier event of its aggregate is
 * left pending (parked, or refused earlier in the same pass).</li>
 * <li>While a bulk writer (an import) holds {@link ServiceLocks#OUTBOX_BULK_WRITE}, one batch per poll: the events
 * still go out, in order, and the rest as soon as the writer is done; meanwhile the writer has the CPU.</li>
 * <li>A broker outage is retried forever and never counts against an event. An event Kafka refuses for a reason of
 * its own counts an attempt; after {@code platform.outbox.max-attempts} it is parked (log line, metric, health
 * group) until an operator re-queues it ({@link OutboxOperationsResource}); the other aggregates go on.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How long send() may wait for a topic's metadata: the broker is unreachable or the topic does not exist. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);
    /** One produce request; a starved broker may take seconds to write and replicate with acks=all. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Extra wait beyond the producer's own delivery timeout, so the producer, not us, decides a send failed. */
    private static final Duration ACK_GRACE = Duration.ofSeconds(5);
    /** Beyond the longest wait of a live pass (metadata, then acknowledgements): see {@link #transactionLimit()}. */
    private static final Duration PASS_MARGIN = Duration.ofMinutes(1);
    private static final Duration CLUSTER_CHECK_TIMEOUT = Duration.ofSeconds(3);
    /** Refusals that say something about the event itself: waiting for the broker would not change them. */
    private static final List<Class<? extends Throwable>> EVENT_FAULTS = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidRecordException.class, InvalidTopicException.class,
            TopicAuthorizationException.class, SerializationException.class);

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    PlatformSchema schema;

    @Inject
    ServiceLocks locks;

    @Inject
    ParkedEvents parkedEvents;

    private final Counter published;
    private final Counter failures;
    private Producer<String, byte[]> producer;
    private Admin admin;
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
        Pass pass;
        do {
            pass = QuarkusTransaction.requiringNew().timeout((int) transactionLimit().toSeconds())
                    .call(this::publishBatchIfActive);
            if (pass.parked()) {
                parkedEvents.refresh();
            }
        } while (pass.more() && !pass.yielding());
    }

    /**
     * What one batch did: whether it published all it took and left more behind (then the next one goes at once), and
     * whether a bulk writer asks the relay to stop at one batch per poll.
     */
    record Pass(boolean more, boolean parked, boolean yielding) {
        static final Pass SKIPPED = new Pass(false, false, false);
    }

    /** The longest a pass may keep its transaction, and the lock with it, when its instance has frozen. */
    private Duration transactionLimit() {
        return config.deliveryTimeout().plus(ACK_GRACE).plus(PASS_MARGIN);
    }

    Pass publishBatchIfActive() {
        if (!locks.tryLockForTransaction(ServiceLocks.OUTBOX_RELAY)) {
            // Another instance relays; what this one remembers of the outbox may be outdated by then.
            resumeAfter = 0;
            return Pass.SKIPPED;
        }
        // A frozen holder (long GC pause, suspended machine) must not keep the lock forever: PostgreSQL ends its
        // session once it has been idle in this transaction longer than a live pass ever waits.
        em.createNativeQuery("select set_config('idle_in_transaction_session_timeout', :limit, true)")
                .setParameter("limit", transactionLimit().toMillis() + "ms")
                .getSingleResult();
        return publishBatch(!locks.tryLockSharedForTransaction(ServiceLocks.OUTBOX_BULK_WRITE));
    }

    /**
     * An event to send, the outbox row it was read from (itself, or a bulk row), and whether it waits behind an earlier
     * event of its aggregate left pending.
     */
    record Outgoing(OutboxEvent event, OutboxEvent row, boolean blocked) {
    }

    /**
     * Publishes up to one batch. The batch is sent at once and the acknowledgements awaited after, so a burst (an
     * import of thousands of changes) flows at the producer's pace.
     */
    private Pass publishBatch(boolean yielding) {
        long after = resumePoint();
        List<OutboxEvent> candidates = pending(after);
        List<OutboxEvent> rows = withinBatch(candidates);
        List<Outgoing> events = unbundle(rows, after);
        List<Outgoing> sent = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        // Refused in this pass: the later events of the aggregate (of the whole topic when the topic itself is
        // missing) are not sent, so that nothing overtakes the refused one.
        Set<String> heldBack = new HashSet<>();
        boolean parked = false;
        for (Outgoing outgoing : events) {
            OutboxEvent event = outgoing.event();
            if (outgoing.blocked()) {
                heldBack.add(aggregateKey(event));
            }
            if (heldBack.contains(event.topic) || heldBack.contains(aggregateKey(event))) {
                continue;
            }
            Future<RecordMetadata> ack = send(event);
            if (!(ack.isDone() && ack.state() == Future.State.FAILED)) {
                sent.add(outgoing);
                acks.add(ack);
                continue;
            }
            Throwable cause = ack.exceptionNow();
            if (!refusedForItsOwnSake(event, cause, true)) {
                // The broker is unreachable: whatever comes next would be refused too, or could overtake this one.
                recordOutage(event, cause);
                break;
            }
            parked |= countAttempt(event, cause);
            heldBack.add(concernsTheTopic(cause) ? event.topic : aggregateKey(event));
        }
        Set<OutboxEvent> acknowledged = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent event = sent.get(i).event();
            Throwable failure = awaitAcknowledgement(acks.get(i));
            if (failure == null) {
                acknowledged.add(event);
            } else if (refusedForItsOwnSake(event, failure, false)) {
                parked |= countAttempt(event, failure);
            } else {
                recordOutage(event, failure);
            }
        }
        List<Long> published = settle(rows, events, acknowledged);
        if (!published.isEmpty()) {
            // one statement for the batch rather than one update per row
            em.createNativeQuery("update outbox_event set published_at = now() where seq in (:seqs)")
                    .setParameter("seqs", published).executeUpdate();
        }
        // From the start again after a failure, a refusal or an empty pass: rows committed late with a lower seq, or
        // held back, wait at most until the burst is over, never forever.
        boolean complete = !events.isEmpty() && acknowledged.size() == events.size();
        resumeAfter = complete ? rows.get(rows.size() - 1).seq : 0;
        boolean full = rows.size() < candidates.size() || candidates.size() == config.batchSize();
        return new Pass(complete && full, parked, yielding);
    }

    /**
     * Where this pass starts: after the last row published, unless a bulk row is still pending below it (committed
     * late). The check for an earlier pending event of the aggregate cannot look into such a row; starting from the
     * beginning reads it first.
     */
    private long resumePoint() {
        if (resumeAfter == 0) {
            return 0;
        }
        boolean lateBulkRow = (Boolean) em.createNativeQuery("""
                select exists (select 1 from outbox_event
                               where published_at is null and event_ids is not null and seq <= :after)""")
                .setParameter("after", resumeAfter).getSingleResult();
        return lateBulkRow ? 0 : resumeAfter;
    }

    /**
     * The next rows to publish, in outbox order. Starting after the last published seq skips the index entries of
     * rows published (dead) since the last vacuum: without it, each pass of a long burst rescans them all. An event
     * waits while an earlier one of its aggregate is left pending: parked, or below the resume point (a row that
     * committed late with a lower seq), so skipping ahead never reorders an aggregate. That check is a probe of the
     * aggregate's index per candidate ({@code offset 0} keeps it one): as an anti-join, planned from statistics taken
     * while nothing was pending (autovacuum after a quiet month), it rescanned every pending row for each candidate,
     * and a pass over the burst of an import took minutes. A bulk row has no aggregate of its own: its events are
     * checked when it is unbundled ({@link BulkOutbox#unbundle}). Its arrays are not read here.
     */
    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pending(long after) {
        return em.createNativeQuery("""
                select e.seq, e.event_id, e.topic, e.aggregate_id, e.event_type, e.source, e.payload, e.occurred_at,
                    e.request_id, e.published_at, e.attempts, e.last_error, e.parked_at, e.parked_reason, e.event_count
                from outbox_event e
                where e.published_at is null and e.parked_at is null and e.seq > :after
                  and not exists (select 1 from outbox_event earlier
                                  where earlier.topic = e.topic and earlier.aggregate_id = e.aggregate_id
                                    and earlier.published_at is null and earlier.seq < e.seq
                                    and (earlier.parked_at is not null or earlier.seq <= :after) offset 0)
                order by e.seq limit :limit""", OutboxEvent.class)
                .setParameter("after", after)
                .setParameter("limit", config.batchSize())
                .getResultList();
    }

    /** The first rows whose events make at most one batch; the first row however many it holds. */
    private List<OutboxEvent> withinBatch(List<OutboxEvent> candidates) {
        int events = 0;
        int rows = 0;
        while (rows < candidates.size() && (rows == 0 || events + candidates.get(rows).eventCount <= config.batchSize())) {
            events += candidates.get(rows++).eventCount;
        }
        return candidates.subList(0, rows);
    }

    /** Each event of the rows, in order: a single row's own, a bulk row's read from its arrays. */
    private List<Outgoing> unbundle(List<OutboxEvent> rows, long after) {
        List<OutboxEvent> bulkRows = rows.stream().filter(OutboxEvent::bulk).toList();
        Map<OutboxEvent, List<Outgoing>> bulkEvents = new HashMap<>();
        if (!bulkRows.isEmpty()) {
            em.unwrap(Session.class).doReturningWork(connection -> BulkOutbox.unbundle(connection, bulkRows, after))
                    .forEach(event -> bulkEvents.computeIfAbsent(event.row(), row -> new ArrayList<>()).add(event));
        }
        List<Outgoing> events = new ArrayList<>();
        for (OutboxEvent row : rows) {
            if (row.bulk()) {
                events.addAll(bulkEvents.getOrDefault(row, List.of()));
            } else {
                events.add(new Outgoing(row, row, false));
            }
        }
        return events;
    }

    /**
     * What the pass leaves in the outbox: returns the rows whose events were all acknowledged, to be marked published.
     * A single row not acknowledged keeps the attempts and errors recorded on it. A bulk row published in part, or one
     * of whose events counted an attempt, is split ({@link BulkOutbox#split}); one that the pass did not get through at
     * all (an outage at its first event, every event waiting) stays whole, with the error.
     */
    private List<Long> settle(List<OutboxEvent> rows, List<Outgoing> events, Set<OutboxEvent> acknowledged) {
        Map<OutboxEvent, List<OutboxEvent>> eventsOfRow = new HashMap<>();
        events.forEach(outgoing -> eventsOfRow.computeIfAbsent(outgoing.row(), row -> new ArrayList<>()).add(outgoing.event()));
        List<Long> published = new ArrayList<>();
        for (OutboxEvent row : rows) {
            List<OutboxEvent> ofRow = eventsOfRow.getOrDefault(row, List.of());
            boolean[] acked = new boolean[ofRow.size()];
            int count = 0;
            for (int i = 0; i < acked.length; i++) {
                acked[i] = acknowledged.contains(ofRow.get(i));
                count += acked[i] ? 1 : 0;
            }
            if (!ofRow.isEmpty() && count == ofRow.size()) {
                published.add(row.seq);
            } else if (row.bulk() && (count > 0 || ofRow.stream().anyMatch(event -> event.attempts > 0))) {
                em.unwrap(Session.class).doWork(connection -> BulkOutbox.split(connection, row, ofRow, acked));
            } else if (row.bulk()) {
                ofRow.stream().map(event -> event.lastError).filter(Objects::nonNull).findFirst()
                        .ifPresent(error -> row.lastError = error);
            }
        }
        return published;
    }

    private static String aggregateKey(OutboxEvent event) {
        return event.topic + '\u0000' + event.aggregateId;
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

    /** Null once acknowledged, else why not. */
    private Throwable awaitAcknowledgement(Future<RecordMetadata> ack) {
        try {
            ack.get(config.deliveryTimeout().plus(ACK_GRACE).toMillis(), TimeUnit.MILLISECONDS);
            published.increment();
            if (brokerDown) {
                LOG.infof("Kafka acknowledges again; publishing the outbox backlog");
                brokerDown = false;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    /**
     * Whether Kafka refused the event for a reason of its own, which waiting for the broker would not change. A
     * retriable error counts only when the producer refused the event at once for want of its topic's metadata and
     * the cluster answers that the topic does not exist: a topic missing while auto-creation is off. A timeout while
     * the broker is unreachable or slow (an outage, a starved broker, a topic being created) never counts.
     */
    private boolean refusedForItsOwnSake(OutboxEvent event, Throwable cause, boolean refusedAtOnce) {
        if (EVENT_FAULTS.stream().anyMatch(fault -> fault.isInstance(cause))) {
            return true;
        }
        return refusedAtOnce && cause instanceof RetriableException && topicMissing(event.topic);
    }

    /** A missing, invalid or forbidden topic: every event of the topic would be refused the same way. */
    private static boolean concernsTheTopic(Throwable refusal) {
        return refusal instanceof RetriableException || refusal instanceof InvalidTopicException
                || refusal instanceof TopicAuthorizationException;
    }

    /** True only when the cluster answers, and answers that the topic does not exist. */
    private boolean topicMissing(String topic) {
        try {
            admin().describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) CLUSTER_CHECK_TIMEOUT.toMillis()))
                    .allTopicNames().get(CLUSTER_CHECK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** An attempt the event used up; returns true when it was the last one and the event is now parked. */
    private boolean countAttempt(OutboxEvent event, Throwable cause) {
        event.attempts++;
        event.lastError = truncate(cause.toString());
        failures.increment();
        if (event.attempts < config.maxAttempts()) {
            LOG.warnf("Kafka refused event %s (%s, aggregate %s), attempt %d of %d: %s", event.eventId, event.eventType,
                    event.aggregateId, event.attempts, config.maxAttempts(), cause);
            return false;
        }
        event.parkedAt = Instant.now();
        event.parkedReason = event.lastError;
        LOG.errorf("Outbox event %s (%s, aggregate %s, topic %s) PARKED after %d attempts: %s. The later events of this "
                + "aggregate wait behind it. Once the cause is fixed: POST /admin/outbox/parked/%s/requeue",
                event.eventId, event.eventType, event.aggregateId, event.topic, event.attempts, cause, event.eventId);
        return true;
    }

    private void recordOutage(OutboxEvent event, Throwable cause) {
        event.lastError = truncate(cause.toString());
        failures.increment();
        if (!brokerDown) {
            LOG.warnf("Event %s (%s) not acknowledged by Kafka, will retry: %s", event.eventId, event.eventType, cause);
            brokerDown = true;
        }
        if (!(cause instanceof RetriableException)) {
            resetProducer();
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId() + "-check");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CLUSTER_CHECK_TIMEOUT.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CLUSTER_CHECK_TIMEOUT.toMillis());
            admin = Admin.create(props);
        }
        return admin;
    }

    private String clientId() {
        return "outbox-relay" + config.source().replace('/', '-');
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        resetProducer();
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
