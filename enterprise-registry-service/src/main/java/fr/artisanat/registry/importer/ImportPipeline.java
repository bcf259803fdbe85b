package fr.artisanat.registry.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.artisanat.registry.sirene.SireneCsvReader;

/**
 * The writers of an import, one thread and one connection each, fed by the reading thread. Establishments are split
 * among them by SIRET, so that the batches of one SIRET are merged by one writer, in file order (the last row of a
 * SIRET wins), while PostgreSQL merges the partitions side by side. Each writer merges one batch while the reader
 * fills its next one: memory holds at most two batches per writer.
 */
final class ImportPipeline implements AutoCloseable {

    interface WriterFactory {
        BatchWriter open() throws Exception;
    }

    private final List<BatchWriter> writers;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final List<Future<Void>> inFlight = new ArrayList<>();
    private final ImportCounts counts;

    private ImportPipeline(List<BatchWriter> writers, ImportCounts counts) {
        this.writers = writers;
        this.counts = counts;
        for (int i = 0; i < writers.size(); i++) {
            threads.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("sirene-import-writer-" + i).daemon().factory()));
            inFlight.add(CompletableFuture.completedFuture(null));
        }
    }

    /** Opens {@code partitions} writers; {@code counts} sums the figures of the batches they commit. */
    static ImportPipeline open(int partitions, WriterFactory factory, ImportCounts counts) throws Exception {
        List<BatchWriter> writers = new ArrayList<>();
        try {
            for (int i = 0; i < partitions; i++) {
                writers.add(factory.open());
            }
        } catch (Exception e) {
            for (BatchWriter writer : writers) {
                writer.close();
            }
            throw e;
        }
        return new ImportPipeline(writers, counts);
    }

    /** The partition of an establishment: always the same one for a SIRET. */
    private int partition(String siret) {
        return Math.floorMod(siret.hashCode(), writers.size());
    }

    /**
     * Reads the file and hands each partition's kept rows to its writer, {@code batchSize} at a time, then waits for
     * the last batches. The lines read, and the rejected ones, go with the next batch of any partition.
     */
    void run(SireneCsvReader reader, RowMapper mapper, int batchSize) throws Exception {
        ImportBatch[] batches = new ImportBatch[writers.size()];
        Arrays.setAll(batches, i -> new ImportBatch());
        ImportBatch.Lines lines = new ImportBatch.Lines();
        while (reader.next()) {
            lines.read();
            int full = -1;
            switch (mapper.map(reader)) {
                case RowMapper.Staged staged -> {
                    lines.kept();
                    int partition = partition(staged.row().siret());
                    batches[partition].stage(staged.row(), reader.lineNumber());
                    full = batches[partition].staged() >= batchSize ? partition : -1;
                }
                case RowMapper.Rejected rejection -> {
                    lines.reject(reader.lineNumber(), rejection.siret(), rejection.reason());
                    full = lines.rejected() >= batchSize ? 0 : -1; // a file of rejected lines stays in bounds too
                }
                case RowMapper.Skipped skipped -> {
                }
            }
            if (full >= 0) {
                submit(full, batches[full].with(lines));
                batches[full] = new ImportBatch();
                lines = new ImportBatch.Lines();
            }
        }
        for (int partition = 0; partition < batches.length; partition++) {
            submit(partition, batches[partition].with(partition == 0 ? lines : new ImportBatch.Lines()));
        }
        await();
    }

    /** Waits for the partition's previous batch (rethrowing a failure of any partition), then writes this one. */
    private void submit(int partition, ImportBatch batch) throws Exception {
        for (Future<Void> write : inFlight) {
            if (write.isDone()) {
                result(write);
            }
        }
        result(inFlight.get(partition));
        BatchWriter writer = writers.get(partition);
        inFlight.set(partition, threads.get(partition).submit(() -> {
            writer.write(batch, counts);
            return null;
        }));
    }

    /** Waits for every batch submitted; the first failure is the import's. */
    private void await() throws Exception {
        for (Future<Void> write : inFlight) {
            result(write);
        }
    }

    private static void result(Future<Void> write) throws Exception {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Lets writes still running finish, then gives the connections back. */
    @Override
    public void close() throws Exception {
        for (ExecutorService thread : threads) {
            thread.shutdown();
        }
        for (ExecutorService thread : threads) {
            thread.awaitTermination(1, TimeUnit.HOURS);
        }
        Exception failure = null;
        for (BatchWriter writer : writers) {
            try {
                writer.close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
