package fr.artisanat.platform.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.artisanat.platform.PlatformSchema;
import fr.artisanat.platform.failure.NotFound;
import fr.artisanat.platform.pagination.CursorPage;
import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.SortField;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The events the relay parked: their count and the oldest one (for the {@code outbox.events.parked} gauge and the
 * health checks, refreshed in the background so that neither queries the database), the list operators page through,
 * and their re-queueing.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final SortField<ParkedEventView> SEQ = new SortField<>("seq", "e.seq", ParkedEventView::seq, Long::valueOf);
    private static final Keyset<ParkedEventView> OLDEST_FIRST = new Keyset<>(SEQ, "seq", SEQ);
    private static final String PARKED = "e.parkedAt is not null and e.publishedAt is null";
    private static final String REQUEUE = "update OutboxEvent e set e.parkedAt = null, e.parkedReason = null, e.attempts = 0"
            + " where " + PARKED;

    /** How many events are parked, and the oldest, as of the last refresh. */
    public record Summary(long count, ParkedEventView oldest) {
    }

    @Inject
    EntityManager em;

    @Inject
    PlatformSchema schema;

    private volatile Summary summary = new Summary(0, null);

    @Inject
    ParkedEvents(MeterRegistry registry) {
        Gauge.builder("outbox.events.parked", this, parked -> parked.summary.count())
                .description("Outbox events parked after Kafka refused them; they and the later events of their aggregate wait for an operator")
                .strongReference(true)
                .register(registry);
    }

    void start(@Observes @Priority(100) StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (schema.isReady()) {
            refresh();
        }
    }

    /** Reads the count and the oldest parked event again; the relay calls it when it parks one. */
    public void refresh() {
        summary = QuarkusTransaction.requiringNew().call(() -> {
            long count = em.createQuery("select count(e) from OutboxEvent e where " + PARKED, Long.class).getSingleResult();
            List<ParkedEventView> oldest = count == 0 ? List.of() : page(null, 1).items();
            return new Summary(count, oldest.isEmpty() ? null : oldest.get(0));
        });
    }

    public Summary summary() {
        return summary;
    }

    /** Parked events, oldest first, each with the number of later events of its aggregate waiting behind it. */
    public CursorPage<ParkedEventView> page(String cursor, int limit) {
        Keyset.Query<ParkedEventView> page = OLDEST_FIRST.query(null, cursor);
        var query = em.createQuery("select new " + ParkedEventView.class.getName() + """
                (e.eventId, e.seq, e.topic, e.aggregateId, e.eventType, e.occurredAt, e.parkedAt, e.attempts, e.parkedReason,
                 (select count(w) from OutboxEvent w where w.topic = e.topic and w.aggregateId = e.aggregateId
                    and w.publishedAt is null and w.seq > e.seq))
                from OutboxEvent e where\s""" + PARKED + (page.where().isEmpty() ? "" : " and " + page.where())
                + " order by " + page.orderBy(), ParkedEventView.class);
        page.params().forEach(query::setParameter);
        return page.page(query.setMaxResults(limit + 1).getResultList(), limit, view -> view);
    }

    /** The relay tries the event again from zero attempts; the events of its aggregate follow it, in order. */
    @Transactional
    public void requeue(UUID eventId) {
        int requeued = em.createQuery(REQUEUE + " and e.eventId = :eventId")
                .setParameter("eventId", eventId)
                .executeUpdate();
        if (requeued == 0) {
            throw new NotFound("Parked event", eventId);
        }
        LOG.infof("Parked outbox event %s re-queued", eventId);
    }

    /** Every parked event back in the queue; returns how many. */
    @Transactional
    public int requeueAll() {
        int requeued = em.createQuery(REQUEUE).executeUpdate();
        LOG.infof("%d parked outbox events re-queued", requeued);
        return requeued;
    }
}
