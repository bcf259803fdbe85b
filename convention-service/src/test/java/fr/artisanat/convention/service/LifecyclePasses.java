package fr.artisanat.convention.service;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.scheduler.SuccessfulExecution;

/** Watches the passes of the lifecycle scheduler, so that a test knows one ran after it moved the clock. */
@ApplicationScoped
public class LifecyclePasses {

    private static final String METHOD = LifecycleScheduler.class.getName() + "#advanceAll";

    private final AtomicReference<Instant> lastCompletedStart = new AtomicReference<>(Instant.MIN);

    void completed(@Observes SuccessfulExecution pass) {
        if (METHOD.equals(pass.getExecution().getTrigger().getMethodDescription())) {
            lastCompletedStart.accumulateAndGet(pass.getExecution().getFireTime(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Waits until a whole pass, started after this call, has completed (the wait bound is a safety net only). */
    public void awaitOneStartedNow() {
        Instant now = Instant.now();
        await().atMost(Duration.ofMinutes(2)).until(() -> lastCompletedStart.get().isAfter(now));
    }
}
