package fr.artisanat.registry.importer;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes one batch in a thread of its own while the next one is read: parsing (Java) and merging (PostgreSQL) run
 * side by side, one batch apart, and never more than one batch waits in memory.
 */
final class ImportPipeline implements AutoCloseable {

    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("sirene-import-writer").daemon().factory());
    private Future<Void> inFlight = CompletableFuture.completedFuture(null);

    /** Waits for the previous write (rethrowing its failure), then starts this one. */
    void submit(Callable<Void> write) throws Exception {
        await();
        inFlight = writer.submit(write);
    }

    /** Waits for the last write; its failure is the import's. */
    void await() throws Exception {
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Lets a write still running finish (the connection it uses is closed after this). */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(1, TimeUnit.HOURS);
    }
}
