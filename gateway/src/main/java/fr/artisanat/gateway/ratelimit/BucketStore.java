package fr.artisanat.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import io.quarkus.runtime.StartupEvent;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import fr.artisanat.gateway.config.GatewayConfig;

/**
 * The rate-limit buckets in the gateway's PostgreSQL schema (Bucket4j's proxy: each decision reads and writes its
 * bucket's row under an advisory lock of its key), so that every gateway instance takes from the same budget.
 * Bucket4j's JDBC calls block: they run on a worker pool of their own, never on the event loop. A circuit breaker
 * stands in front: when PostgreSQL fails or is late, a decision fails within the store's timeout, and after a few
 * such failures none waits for it any more until a trial succeeds (the caller then lets the request through:
 * docs/adr/0016). Rows of buckets that are full again are deleted every minute, by whichever instance comes first.
 */
@ApplicationScoped
public class BucketStore {

    private static final Logger LOG = Logger.getLogger(BucketStore.class);
    private static final String TABLE = "rate_limit_bucket";
    /** A bucket is full again this long before its row may go: a full bucket and no row are the same. */
    private static final Duration KEPT_WHEN_FULL = Duration.ofMinutes(1);
    private static final long CLEANUP_PERIOD_MS = 60_000;
    private static final int CLEANUP_BATCH = 1_000;

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
    private final WorkerExecutor workers;
    private final CircuitBreaker breaker;

    BucketStore(DataSource dataSource, Vertx vertx, GatewayConfig config) {
        GatewayConfig.RateLimitStore store = config.rateLimits().store();
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
                .requestTimeout(store.timeout())
                .build();
        this.workers = vertx.createSharedWorkerExecutor("gateway-rate-limits", store.workers(),
                store.timeout().toMillis() * 5, TimeUnit.MILLISECONDS);
        this.breaker = CircuitBreaker.create("rate-limit-store", vertx, new CircuitBreakerOptions()
                .setMaxFailures(store.failures())
                .setTimeout(store.timeout().toMillis())
                .setResetTimeout(store.openFor().toMillis()));
        breaker.openHandler(opened -> LOG.errorf("The rate-limit store (PostgreSQL, table %s) failed %d times within 10 s:"
                + " requests go on without a rate limit, a decision is tried again in %s", TABLE, store.failures(), store.openFor()));
        breaker.closeHandler(closed -> LOG.info("The rate-limit store answers again: rate limits apply"));
    }

    void startCleanup(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(CLEANUP_PERIOD_MS, timer -> workers.executeBlocking(() -> buckets.removeExpired(CLEANUP_BATCH), false)
                .onFailure(failure -> LOG.debugf("Expired rate-limit buckets not deleted this time: %s", failure.getMessage())));
    }

    /** Takes one request from the quota's bucket; fails when PostgreSQL cannot decide in time or the circuit is open. */
    public Future<ConsumptionProbe> take(Quota quota) {
        return breaker.<ConsumptionProbe>execute(decision -> workers.executeBlocking(() -> buckets.builder()
                .build(quota.bucketKey(), () -> configuration(quota.policy()))
                .tryConsumeAndReturnRemaining(1), false)
                .onComplete(decision));
    }

    /** CLOSED while the store decides, OPEN while requests go on without it, HALF_OPEN during a trial. */
    public CircuitBreakerState state() {
        return breaker.state();
    }

    private static BucketConfiguration configuration(Policy policy) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(policy.requests()).refillGreedy(policy.requests(), policy.per()))
                .build();
    }
}
