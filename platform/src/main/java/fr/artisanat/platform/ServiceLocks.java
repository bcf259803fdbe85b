package fr.artisanat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL advisory locks that let one instance of a service at a time do a job (relay the outbox, purge old rows)
 * however many replicas run. Services share one database and advisory locks are database-wide, so a lock is keyed by
 * the service's schema and the job: {@code (hashtext(schema), hashtext(job))}. A lock lasts until the transaction
 * ends, and ends with it when the holder's connection drops (a killed instance), so another instance takes over.
 */
@ApplicationScoped
public class ServiceLocks {

    /** The outbox relay: one instance publishes, so one aggregate's events cannot be sent by two producers at once. */
    public static final String OUTBOX_RELAY = "outbox-relay";
    /** The purge of rows past their retention. */
    public static final String HOUSEKEEPING = "housekeeping";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.flyway.schemas")
    String schema;

    /** Takes the job's lock until the current transaction ends, unless another session holds it: true when taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLockForTransaction(String job) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:schema), hashtext(:job))")
                .setParameter("schema", schema)
                .setParameter("job", job)
                .getSingleResult();
    }
}
