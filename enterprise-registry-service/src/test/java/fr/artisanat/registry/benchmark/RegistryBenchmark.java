package fr.artisanat.registry.benchmark;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import fr.artisanat.platform.testing.BenchmarkReport;
import fr.artisanat.registry.importer.SireneImporter;
import fr.artisanat.registry.sirene.SireneColumns;
import fr.artisanat.registry.sirene.generator.SireneFileGenerator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Measures, never asserts: run by {@code ./suite benchmark} (excluded from {@code ./suite test}), it writes
 * docs/benchmarks.md. Import of 1,000,000 SIRENE rows next to PostgreSQL's own COPY of the same file into a bare
 * table, peak memory of the service during the import, and p50/p95 of statistics and search over the stored rows.
 */
@QuarkusTest
@Tag("benchmark")
class RegistryBenchmark {

    static final long ROWS = Long.getLong("benchmark.rows", 1_000_000);
    static final long SECOND_FILE_ROWS = Long.getLong("benchmark.second-file-rows", 800_000);
    static final int QUERY_RUNS = Integer.getInteger("benchmark.query-runs", 200);

    @Inject
    SireneImporter importer;

    @Inject
    DataSource dataSource;


    @ConfigProperty(name = "registry.importer.batch-size")
    int batchSize;

    private CpuMeter cpu;

    @Test
    void measure() throws Exception {
        trackEveryCommune();
        cpu = new CpuMeter(postmaster(), kafkaBroker());
        Path file = Files.createTempFile("bench-sirene-", ".csv");
        Path second = Files.createTempFile("bench-sirene-2-", ".csv");
        try {
            new SireneFileGenerator(1, List.of(), Map.of()).write(file, ROWS);
            new SireneFileGenerator(2, List.of(), Map.of()).write(second, SECOND_FILE_ROWS);
            double[] cpuBefore = cpu.read();
            double copySeconds = copyIntoBareTable(file);
            double[] copyCpu = minus(cpu.read(), cpuBefore);
            String copyLoad = loadAverage();
            TimedImport first = timedImport("benchmark", file);
            long events = count("select count(*) from outbox_event");
            double[] drainCpuBefore = cpu.read();
            double drainSeconds = awaitOutboxDrained();
            System.out.println("CPU seconds (service, PostgreSQL, Kafka) while the relay drained: "
                    + cpu(minus(cpu.read(), drainCpuBefore)) + " in " + drainSeconds + " s");
            // the monthly re-import finds the registry as a month of autovacuum left it
            settle("establishment");
            TimedImport unchanged = timedImport("benchmark-unchanged", file);
            importer.runNow("benchmark-2", () -> Files.newInputStream(second));
            long stored = count("select count(*) from establishment");
            awaitOutboxDrained();
            settle();
            String vra = scalar("select id::text from territory where code = 'epci-200068781'");
            String marseille = scalar("select id::text from territory where siren = '200054807'");
            List<Double> statsVra = time(QUERY_RUNS, i -> given().get("/v1/territories/" + vra + "/statistics").then().statusCode(200));
            List<Double> statsMetropole = time(QUERY_RUNS / 4, i -> given().get("/v1/territories/" + marseille + "/statistics").then().statusCode(200));
            String[] words = { "boulangerie", "plomberie", "coiffure", "menuiserie", "boulangrie du centre", "electricite generale",
                    "patisserie", "garage", "maconnerie", "fleurs" };
            List<Double> search = time(QUERY_RUNS, i -> given().get("/v1/establishments?q=" + words[i % words.length]).then().statusCode(200));
            List<Double> filtered = time(QUERY_RUNS, i -> given().get("/v1/establishments?territoryId=" + vra + "&craftFamily=BATIMENT&active=true").then().statusCode(200));
            String figures = figures(copySeconds, copyCpu, copyLoad, first, unchanged, stored, statsVra, statsMetropole, search, filtered)
                    + relay(events, drainSeconds);
            BenchmarkReport.writeSection(BenchmarkReport.suiteReport(), "registry", figures);
            System.out.println(figures);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(second);
        }
    }

    /** An import of the benchmark, its report, and the service's memory while it ran. */
    record TimedImport(double seconds, Map<String, Object> report, MemorySampler memory, String loadAverage, double[] cpu) {
    }

    private TimedImport timedImport(String source, Path file) throws Exception {
        MemorySampler memory = new MemorySampler();
        memory.start();
        double[] cpuBefore = cpu.read();
        Map<String, Double> threadsBefore = threadCpu();
        long start = System.nanoTime();
        UUID job = importer.runNow(source, () -> Files.newInputStream(file));
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] used = minus(cpu.read(), cpuBefore);
        Map<String, Double> threads = threadCpu();
        threads.replaceAll((name, ticks) -> ticks - threadsBefore.getOrDefault(name, 0.0));
        System.out.println("CPU seconds by thread during " + source + ": " + threads.entrySet().stream()
                .filter(e -> e.getValue() >= 10).sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey() + "=" + e.getValue() / 100).toList());
        memory.interrupt();
        memory.join();
        return new TimedImport(seconds, report(job), memory, loadAverage(), used);
    }

    /** CPU ticks of this JVM's threads, summed by name (digits dropped, so that pools add up). */
    private static Map<String, Double> threadCpu() throws IOException {
        Map<String, Double> ticks = new java.util.HashMap<>();
        try (var threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]), Double::sum);
                } catch (IOException e) {
                    // ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static double[] minus(double[] after, double[] before) {
        return new double[] { after[0] - before[0], after[1] - before[1], after[2] - before[2] };
    }

    /** The PostgreSQL server of the benchmark: the parent of this connection's backend. */
    private long postmaster() throws Exception {
        return Long.parseLong(Files.readString(Path.of("/proc", scalar("select pg_backend_pid()"), "stat"))
                .replaceFirst(".*\\) \\S+ (\\d+) .*", "$1").trim());
    }

    /** The Kafka broker that ./suite started for the benchmark (its command line names the instance's folder), or -1. */
    private static long kafkaBroker() throws IOException {
        String folder = System.getenv("SUITE_DATA");
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                try {
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (command.contains("kafka.Kafka") && folder != null && command.contains(folder)) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (IOException | RuntimeException e) {
                    // not a process, or one that ended meanwhile
                }
            }
        }
        return -1;
    }

    /**
     * Queries are timed over settled tables, as after any bulk load: vacuumed (visibility map, GIN pending list)
     * and analyzed, not while autovacuum catches up with two million fresh rows.
     */
    private void settle() throws Exception {
        settle("");
    }

    private void settle(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) " + table);
        }
    }

    /**
     * Waits until the relay has published every event; returns how long that took. Measurements start once it has:
     * the relay does not compete with them for the CPU.
     */
    private double awaitOutboxDrained() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 2400 && count("select count(*) from outbox_event where published_at is null") > 0; i++) {
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String relay(long events, double seconds) {
        return String.format(Locale.ROOT, "%n### Outbox relay%n%n"
                + "The first import wrote %,d events to the outbox; the relay, publishing while it ran (acks=all, "
                + "idempotent producer, batches of 500), had published the last of them %.0f s after it ended.%n",
                events, seconds);
    }

    private void trackEveryCommune() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update territory set tracked = true where kind = 'EPCI'");
        }
    }

    /** PostgreSQL's own speed on the same bytes: COPY of the raw file into a bare table of 48 text columns. */
    private double copyIntoBareTable(Path file) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_copy");
            s.execute("create unlogged table bench_copy (" + String.join(", ",
                    SireneColumns.STOCK_ETABLISSEMENT_48.stream().map(name -> "\"" + name + "\" text").toList()) + ")");
            s.execute("alter table bench_copy set logged");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin (format csv, header true)", reader);
            } catch (Exception e) {
                // The generated file holds a few deliberately malformed lines that COPY refuses; measure on the rest.
                return copyWellFormedLines(c, file);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("drop table bench_copy");
            return seconds;
        }
    }

    private double copyWellFormedLines(Connection c, Path file) throws Exception {
        Path clean = Files.createTempFile("bench-clean-", ".csv");
        try {
            try (var lines = Files.lines(file); var out = Files.newBufferedWriter(clean)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.chars().filter(ch -> ch == '"').count() % 2 == 0 && line.split(",", -1).length == 48) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("truncate bench_copy");
                long start = System.nanoTime();
                try (Reader reader = Files.newBufferedReader(clean, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin (format csv, header true)", reader);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                s.execute("drop table bench_copy");
                return seconds;
            }
        } finally {
            Files.deleteIfExists(clean);
        }
    }

    private Map<String, Object> report(UUID job) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select rows_read, kept, inserted, updated + closed, unchanged, rejected, status from import_job"
                        + " where id = '" + job + "'")) {
            rs.next();
            return Map.of("read", rs.getLong(1), "kept", rs.getLong(2), "inserted", rs.getLong(3), "updated", rs.getLong(4),
                    "unchanged", rs.getLong(5), "rejected", rs.getLong(6), "status", rs.getString(7));
        }
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(scalar(sql));
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    interface Call {
        void run(int i);
    }

    /** Milliseconds of each call, after a warm-up of a tenth of the runs. */
    private static List<Double> time(int runs, Call call) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
            call.run(i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run(i);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /**
     * CPU seconds used by the service (this JVM), the PostgreSQL server (the postmaster, its live processes and those
     * that ended) and the Kafka broker of the benchmark: the work a measurement cost, which a busy machine stretches
     * in time but does not change much.
     */
    static final class CpuMeter {
        private static final double TICKS = 100; // USER_HZ
        private final long postmaster;
        private final long kafka;

        CpuMeter(long postmaster, long kafka) {
            this.postmaster = postmaster;
            this.kafka = kafka;
        }

        /** Service, PostgreSQL and Kafka CPU seconds so far. */
        double[] read() throws IOException {
            double postgres = ticks(postmaster, true);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                        postgres += ticks(Long.parseLong(name), false);
                    }
                }
            }
            return new double[] { ticks(ProcessHandle.current().pid(), false) / TICKS, postgres / TICKS,
                    kafka < 0 ? 0 : ticks(kafka, false) / TICKS };
        }

        /** utime + stime, with the children it has waited for when asked (PostgreSQL's ended workers). */
        private static double ticks(long pid, boolean children) {
            String[] fields = stat(pid);
            if (fields == null) {
                return 0;
            }
            double ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return children ? ticks + Long.parseLong(fields[15]) + Long.parseLong(fields[16]) : ticks;
        }

        private static long parent(long pid) {
            String[] fields = stat(pid);
            return fields == null ? -1 : Long.parseLong(fields[3]);
        }

        /** The fields of /proc/PID/stat, the command name (which may hold spaces) taken out; null once ended. */
        private static String[] stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return ("pid name " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Resident memory of this JVM (the service runs in it) sampled during the import: /proc VmRSS and heap used. */
    static final class MemorySampler extends Thread {
        final AtomicLong peakRssKb = new AtomicLong();
        final AtomicLong peakHeapBytes = new AtomicLong();

        MemorySampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            peakRssKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    Runtime runtime = Runtime.getRuntime();
                    peakHeapBytes.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    private String figures(double copySeconds, double[] copyCpu, String copyLoad, TimedImport first, TimedImport unchanged, long stored, List<Double> statsVra,
            List<Double> statsMetropole, List<Double> search, List<Double> filtered) throws Exception {
        String machine = machine();
        StringBuilder md = new StringBuilder();
        md.append("## Registry\n\n");
        md.append("Written by `./suite benchmark` (enterprise-registry-service `RegistryBenchmark`). ")
                .append("It starts its own PostgreSQL and Kafka, generates SIRENE files with the project's generator ")
                .append("(every commune of France tracked), and measures.\n\n");
        md.append("Run of ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC on ").append(machine).append(". The machine is shared: the load average (1 minute) after each ")
                .append("measurement is given, and the speeds are compared within the run.\n\n");
        md.append("### SIRENE import: ").append(String.format(Locale.ROOT, "%,d", ROWS)).append(" rows\n\n");
        md.append("| what | seconds | rows/s | of COPY's speed | CPU seconds: service, PostgreSQL, Kafka | load average after |\n"
                + "|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| PostgreSQL `COPY` of the same file into a bare table (48 text columns, no index) | %.1f | %,.0f | | %s | %s |%n",
                copySeconds, ROWS / copySeconds, cpu(copyCpu), copyLoad));
        md.append(String.format(Locale.ROOT, "| registry import into the empty registry (parse, validate, filter, change detection, "
                + "insert, outbox events) | %.1f | %,.0f | **%.0f%%** | %s | %s |%n", first.seconds, ROWS / first.seconds,
                100 * copySeconds / first.seconds, cpu(first.cpu), first.loadAverage));
        md.append(String.format(Locale.ROOT, "| re-import of the same file (nothing changed: nothing written, no event) | %.1f | %,.0f | **%.0f%%** | %s | %s |%n",
                unchanged.seconds, ROWS / unchanged.seconds, 100 * copySeconds / unchanged.seconds, cpu(unchanged.cpu),
                unchanged.loadAverage));
        md.append(String.format(Locale.ROOT, "%nGoals: the import at least 50%% of COPY's speed, the unchanged re-import at least 100%%. "
                + "First import: rows read %,d, kept %,d (tracked communes, craft activity), inserted %,d, rejected %,d. "
                + "Re-import: %,d unchanged, %,d inserted, %,d updated or closed.%n%n",
                first.report.get("read"), first.report.get("kept"), first.report.get("inserted"), first.report.get("rejected"),
                unchanged.report.get("unchanged"), unchanged.report.get("inserted"), unchanged.report.get("updated")));
        md.append(String.format(Locale.ROOT, "Peak memory of the service process during the import: **%,d MiB resident** (VmRSS), %,d MiB heap used "
                + "(re-import: %,d MiB resident); the importer streams the file and merges %,d rows per transaction and connection "
                + "while it reads the next ones, so this does not grow with the file. Where the import's time goes: "
                + "[ADR 0005](adr/0005-set-based-sirene-import.md#measured).%n%n",
                first.memory.peakRssKb.get() / 1024, first.memory.peakHeapBytes.get() / (1024 * 1024),
                unchanged.memory.peakRssKb.get() / 1024, batchSize));
        md.append("### Queries over ").append(String.format(Locale.ROOT, "%,d", stored)).append(" stored establishments\n\n");
        md.append("Through HTTP from the same JVM (includes JSON serialization), after `VACUUM (ANALYZE)` and a warm-up.\n\n");
        md.append("| query | runs | p50 ms | p95 ms |\n|---|---|---|---|\n");
        row(md, "statistics of Valence Romans Agglo (54 communes)", statsVra);
        row(md, "statistics of the Métropole d'Aix-Marseille-Provence (90 communes)", statsMetropole);
        row(md, "name search, accent/typo tolerant (10 different queries)", search);
        row(md, "filtered list (territory, craft family, active), first page", filtered);
        md.append("\nGoal: p95 under 50 ms for statistics and for search.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, List<Double> millis) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", what, millis.size(), percentile(millis, 0.50),
                percentile(millis, 0.95)));
    }

    private static String cpu(double[] seconds) {
        return String.format(Locale.ROOT, "%.1f, %.1f, %.1f", seconds[0], seconds[1], seconds[2]);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return String.format(Locale.ROOT, "%d cores (%s), %d GiB memory, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                cpu, memKb / (1024 * 1024), System.getProperty("java.version"), scalar("select version()").split(" on ")[0]);
    }
}
