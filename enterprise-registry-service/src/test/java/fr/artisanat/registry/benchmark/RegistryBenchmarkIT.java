package fr.artisanat.registry.benchmark;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import fr.artisanat.platform.testing.AdminTokenByDefault;
import fr.artisanat.platform.testing.BenchmarkReport;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.registry.sirene.SireneColumns;
import fr.artisanat.registry.sirene.generator.SireneFileGenerator;
import io.restassured.path.json.JsonPath;

/**
 * Measures, never asserts: run by {@code ./suite benchmark} after packaging (excluded from {@code ./suite test}), it
 * writes the registry's section of docs/benchmarks.md. The packaged service runs as its own process with the JVM
 * options it is deployed with ({@link #SERVICE_JVM}), so that its memory and CPU time are its own. Import of
 * 1,000,000 SIRENE rows next to PostgreSQL's own COPY of the same file into a bare table, then the same file again
 * (nothing changed), the service's peak memory, the relay's catching up, and p50/p95 of statistics and search over the
 * stored rows. {@code -Dbenchmark.national=true} adds an import of {@code benchmark.national-rows} rows (40,000,000,
 * the national stock) after the rest. It calls the service as the admin (imports are the admin's), with a real token.
 */
@Tag("benchmark")
@ExtendWith(AdminTokenByDefault.class)
class RegistryBenchmarkIT {

    static final long ROWS = Long.getLong("benchmark.rows", 1_000_000);
    static final long SECOND_FILE_ROWS = Long.getLong("benchmark.second-file-rows", 800_000);
    static final int QUERY_RUNS = Integer.getInteger("benchmark.query-runs", 200);
    static final boolean NATIONAL = Boolean.getBoolean("benchmark.national");
    static final long NATIONAL_ROWS = Long.getLong("benchmark.national-rows", 40_000_000);
    /** As in src/main/docker/Dockerfile.jvm: the memory the service is given in production. */
    static final List<String> SERVICE_JVM = List.of(System.getProperty("benchmark.service-jvm",
            "-Xmx96m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=1000").split(" "));

    private final Path folder = Path.of("target", "benchmark-imports").toAbsolutePath();
    private ServiceProcess service;
    private CpuMeter cpu;

    @Test
    void measure() throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("bench-sirene.csv");
        Path second = folder.resolve("bench-sirene-2.csv");
        try (ServiceProcess registry = ServiceProcess.start(Path.of(""), "registry-benchmark", 0, SERVICE_JVM, Map.of(
                "registry.importer.directory", folder.toString()))) {
            service = registry;
            trackEveryCommune();
            cpu = new CpuMeter(service.pid(), postmaster(), kafkaBroker());
            new SireneFileGenerator(1, List.of(), Map.of()).write(file, ROWS);
            new SireneFileGenerator(2, List.of(), Map.of()).write(second, SECOND_FILE_ROWS);
            double[] cpuBefore = cpu.read();
            double copySeconds = copyIntoBareTable(file);
            Measured copy = new Measured(copySeconds, null, 0, CpuMeter.minus(cpu.read(), cpuBefore), loadAverage());
            Measured first = timedImport(file);
            long events = count("select sum(event_count) from outbox_event");
            Measured drain = drain();
            // the monthly re-import finds the registry as a month of autovacuum left it
            execute("vacuum (analyze) establishment");
            Measured unchanged = timedImport(file);
            timedImport(second);
            long stored = count("select count(*) from establishment");
            drain();
            execute("vacuum (analyze)");
            String figures = figures(copy, first, unchanged, drain, events) + queries(stored);
            if (NATIONAL) {
                figures += national();
            }
            BenchmarkReport.writeSection(BenchmarkReport.suiteReport(), "registry", figures);
            System.out.println(figures);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(second);
        }
    }

    /** What one measurement took: seconds, the job's report, peak resident memory, CPU seconds, load average after. */
    record Measured(double seconds, JsonPath report, long peakRssMiB, double[] cpu, String loadAverage) {
    }

    /** An import of a file of the service's import folder, timed by the job itself (start to report). */
    private Measured timedImport(Path file) throws Exception {
        MemorySampler memory = new MemorySampler(service.pid());
        memory.start();
        double[] cpuBefore = cpu.read();
        Map<String, Double> threadsBefore = CpuMeter.threads(service.pid());
        Map<String, Double> postgresBefore = cpu.postgresProcesses();
        String id = given().port(service.port()).contentType("application/json")
                .body(Map.of("path", file.getFileName().toString())).post("/v1/imports")
                .then().statusCode(202).extract().path("id");
        JsonPath report;
        do {
            Thread.sleep(100);
            report = given().port(service.port()).get("/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
        } while ("RUNNING".equals(report.getString("status")));
        double[] used = CpuMeter.minus(cpu.read(), cpuBefore);
        memory.interrupt();
        memory.join();
        if (!"SUCCEEDED".equals(report.getString("status"))) {
            throw new IllegalStateException("import failed: " + report.prettify());
        }
        System.out.println("CPU seconds by thread of the service during the import of " + file.getFileName() + ": "
                + CpuMeter.busiest(CpuMeter.minus(CpuMeter.threads(service.pid()), threadsBefore)));
        System.out.println("CPU seconds by PostgreSQL process during the import of " + file.getFileName() + ": "
                + CpuMeter.busiest(CpuMeter.minus(cpu.postgresProcesses(), postgresBefore)));
        double seconds = Duration.between(OffsetDateTime.parse(report.getString("startedAt")),
                OffsetDateTime.parse(report.getString("finishedAt"))).toNanos() / 1e9;
        return new Measured(seconds, report, memory.peakKb.get() / 1024, used, loadAverage());
    }

    /** Waits until the relay has published every event; the next measurement does not share the CPU with it. */
    private Measured drain() throws Exception {
        double[] cpuBefore = cpu.read();
        long start = System.nanoTime();
        for (int i = 0; i < 7200 && count("select count(*) from outbox_event where published_at is null") > 0; i++) {
            Thread.sleep(500);
        }
        return new Measured((System.nanoTime() - start) / 1e9, null, 0, CpuMeter.minus(cpu.read(), cpuBefore), loadAverage());
    }

    private void trackEveryCommune() throws Exception {
        execute("update territory set tracked = true where kind = 'EPCI'");
    }

    /** PostgreSQL's own speed on the same bytes: COPY of the raw file into a bare table of 48 text columns. */
    private double copyIntoBareTable(Path file) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
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
        Path clean = Files.createTempFile(folder, "bench-clean-", ".csv");
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

    /**
     * The national stock: a file of {@link #NATIONAL_ROWS} rows imported into the registry the benchmark filled, every
     * EPCI tracked. Its time and the service's peak memory; the file is generated into the import folder and deleted.
     */
    private String national() throws Exception {
        Path file = folder.resolve("bench-sirene-national.csv");
        try {
            long generating = System.nanoTime();
            new SireneFileGenerator(3, List.of(), Map.of()).write(file, NATIONAL_ROWS);
            double generated = (System.nanoTime() - generating) / 1e9;
            long bytes = Files.size(file);
            Measured national = timedImport(file);
            Measured drain = drain();
            return String.format(Locale.ROOT, "%n### National scale: %,d rows%n%n"
                    + "A generated file of %,d rows (%,d MB, written in %.0f s), imported into the registry above (%,d establishments "
                    + "already stored), every EPCI tracked: **%.0f s, %,.0f rows/s**, %,d kept, %,d inserted, %,d rejected; "
                    + "CPU seconds %s; load average after %s. Peak memory of the service: **%,d MiB resident**. The relay had "
                    + "published its %,d events %.0f s after it ended.%n",
                    NATIONAL_ROWS, NATIONAL_ROWS, bytes / 1_000_000, generated, count("select count(*) from establishment")
                            - national.report.getLong("inserted"),
                    national.seconds, NATIONAL_ROWS / national.seconds, national.report.getLong("kept"),
                    national.report.getLong("inserted"), national.report.getLong("rejected"), cpu(national.cpu),
                    national.loadAverage, national.peakRssMiB, national.report.getLong("inserted") + national.report.getLong("updated")
                            + national.report.getLong("closed"), drain.seconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String figures(Measured copy, Measured first, Measured unchanged, Measured drain, long events) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## Registry\n\n");
        md.append("Written by `./suite benchmark` (enterprise-registry-service `RegistryBenchmarkIT`). ")
                .append("It starts its own PostgreSQL and Kafka, runs the packaged service as its own process (JVM options `")
                .append(String.join(" ", SERVICE_JVM)).append("`, as in its Docker image), generates SIRENE files with the ")
                .append("project's generator (every commune of France tracked), and measures.\n\n");
        md.append("Run of ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC on ").append(machine()).append(". The machine may be shared: the load average (1 minute) ")
                .append("after each measurement and the CPU seconds each one cost are given (COPY's client, the benchmark, ")
                .append("is not counted), and speeds are compared within the run.\n\n");
        md.append("### SIRENE import: ").append(String.format(Locale.ROOT, "%,d", ROWS)).append(" rows\n\n");
        md.append("| what | seconds | rows/s | of COPY's speed | CPU seconds: service, PostgreSQL, Kafka | load average after |\n"
                + "|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| PostgreSQL `COPY` of the same file into a bare table (48 text columns, no index) "
                + "| %.1f | %,.0f | | %s | %s |%n", copy.seconds, ROWS / copy.seconds, cpu(copy.cpu), copy.loadAverage));
        md.append(String.format(Locale.ROOT, "| registry import into the empty registry (parse, validate, filter, change detection, "
                + "insert, outbox events) | %.1f | %,.0f | **%.0f%%** | %s | %s |%n", first.seconds, ROWS / first.seconds,
                100 * copy.seconds / first.seconds, cpu(first.cpu), first.loadAverage));
        md.append(String.format(Locale.ROOT, "| re-import of the same file (nothing changed: nothing written, no event) "
                + "| %.1f | %,.0f | **%.0f%%** | %s | %s |%n", unchanged.seconds, ROWS / unchanged.seconds,
                100 * copy.seconds / unchanged.seconds, cpu(unchanged.cpu), unchanged.loadAverage));
        md.append(String.format(Locale.ROOT, "%nGoals: the import at least 50%% of COPY's speed, the unchanged re-import at "
                + "least 100%%. First import: rows read %,d, kept %,d (tracked communes, craft activity), inserted %,d, "
                + "rejected %,d. Re-import: %,d unchanged, %,d inserted, %,d updated, %,d closed.%n%n",
                first.report.getLong("rowsRead"), first.report.getLong("kept"), first.report.getLong("inserted"),
                first.report.getLong("rejected"), unchanged.report.getLong("unchanged"), unchanged.report.getLong("inserted"),
                unchanged.report.getLong("updated"), unchanged.report.getLong("closed")));
        md.append(String.format(Locale.ROOT, "Peak memory of the service process: **%,d MiB resident** (VmRSS) during the "
                + "import, %,d MiB during the re-import. The importer streams the file and merges its batches on two "
                + "connections while it reads the next ones: memory is meant not to grow with the file (the "
                + "national-scale figures below, when measured, say how far it does). Where the import's time goes: [ADR 0005](adr/0005-set-based-sirene-import.md#measured).%n",
                first.peakRssMiB, unchanged.peakRssMiB));
        md.append(String.format(Locale.ROOT, "%n### Outbox relay%n%nThe first import wrote %,d events to the outbox; the relay "
                + "(acks=all, idempotent producer, batches of 500) had published the last of them %.0f s after the import "
                + "ended (CPU seconds meanwhile: %s).%n", events, drain.seconds, cpu(drain.cpu)));
        return md.toString();
    }

    private String queries(long stored) throws Exception {
        String vra = scalar("select id::text from territory where code = 'epci-200068781'");
        String marseille = scalar("select id::text from territory where siren = '200054807'");
        List<Double> statsVra = time(QUERY_RUNS, i -> given().port(service.port())
                .get("/v1/territories/" + vra + "/statistics").then().statusCode(200));
        List<Double> statsMetropole = time(QUERY_RUNS / 4, i -> given().port(service.port())
                .get("/v1/territories/" + marseille + "/statistics").then().statusCode(200));
        String[] words = { "boulangerie", "plomberie", "coiffure", "menuiserie", "boulangrie du centre", "electricite generale",
                "patisserie", "garage", "maconnerie", "fleurs" };
        List<Double> search = time(QUERY_RUNS, i -> given().port(service.port())
                .get("/v1/establishments?q=" + words[i % words.length]).then().statusCode(200));
        List<Double> filtered = time(QUERY_RUNS, i -> given().port(service.port())
                .get("/v1/establishments?territoryId=" + vra + "&craftFamily=BATIMENT&active=true").then().statusCode(200));
        StringBuilder md = new StringBuilder();
        md.append("\n### Queries over ").append(String.format(Locale.ROOT, "%,d", stored)).append(" stored establishments\n\n");
        md.append("Through HTTP from the benchmark to the service (includes JSON serialization), after `VACUUM (ANALYZE)` and a warm-up.\n\n");
        md.append("| query | runs | p50 ms | p95 ms |\n|---|---|---|---|\n");
        row(md, "statistics of Valence Romans Agglo (54 communes)", statsVra);
        row(md, "statistics of the Métropole d'Aix-Marseille-Provence (90 communes)", statsMetropole);
        row(md, "name search, accent/typo tolerant (10 different queries)", search);
        row(md, "filtered list (territory, craft family, active), first page", filtered);
        md.append("\nGoal: p95 under 50 ms for statistics and for search.\n");
        return md.toString();
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "25432")
                + "/" + env("DB_NAME", "partnerships") + "?currentSchema=registry,public", env("DB_USER", "postgres"),
                env("DB_PASSWORD", "postgres"));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(scalar(sql));
    }

    private static String scalar(String sql) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The PostgreSQL server of the benchmark: the parent of this connection's backend. */
    private static long postmaster() throws Exception {
        return CpuMeter.parent(Long.parseLong(scalar("select pg_backend_pid()")));
    }

    /** The Kafka broker that ./suite started for the benchmark (its command line names the instance's folder), or -1. */
    private static long kafkaBroker() throws IOException {
        String instance = System.getenv("SUITE_DATA");
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                try {
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (instance != null && command.contains("kafka.Kafka") && command.contains(instance)) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (IOException | RuntimeException e) {
                    // not a process, or one that ended meanwhile
                }
            }
        }
        return -1;
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

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return String.format(Locale.ROOT, "%d cores (%s), %d GiB memory, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                cpu, memKb / (1024 * 1024), System.getProperty("java.version"), scalar("select version()").split(" on ")[0]);
    }

    /** Peak resident memory (VmRSS) of a process, sampled every 100 ms. */
    static final class MemorySampler extends Thread {
        final AtomicLong peakKb = new AtomicLong();
        private final Path status;

        MemorySampler(long pid) {
            status = Path.of("/proc", Long.toString(pid), "status");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            peakKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException | IOException e) {
                    return;
                }
            }
        }
    }

    /**
     * CPU seconds used by the service, the PostgreSQL server (the postmaster, its live processes and those that ended)
     * and the Kafka broker of the benchmark: the work a measurement cost, which a busy machine stretches in time but
     * does not change much.
     */
    static final class CpuMeter {
        private static final double TICKS = 100; // USER_HZ
        private final long service;
        private final long postmaster;
        private final long kafka;

        CpuMeter(long service, long postmaster, long kafka) {
            this.service = service;
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
            return new double[] { ticks(service, false) / TICKS, postgres / TICKS, kafka < 0 ? 0 : ticks(kafka, false) / TICKS };
        }

        /**
         * CPU seconds of the PostgreSQL server's processes, each by its pid and what it is (a backend by its user and
         * database, a background process by its name); the workers that ended (autovacuum) count as "ended".
         */
        Map<String, Double> postgresProcesses() throws IOException {
            Map<String, Double> seconds = new HashMap<>();
            String[] own = stat(postmaster);
            if (own != null) {
                seconds.put("ended", (Long.parseLong(own[15]) + Long.parseLong(own[16])) / TICKS);
            }
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                        try {
                            String[] title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim().split(" +");
                            String what = String.join(" ", Arrays.copyOfRange(title, 1, Math.min(title.length, 3)));
                            seconds.merge(what + " #" + name, ticks(Long.parseLong(name), false) / TICKS, Double::sum);
                        } catch (IOException e) {
                            // ended meanwhile
                        }
                    }
                }
            }
            return seconds;
        }

        static double[] minus(double[] after, double[] before) {
            return new double[] { after[0] - before[0], after[1] - before[1], after[2] - before[2] };
        }

        /** CPU seconds of a process's threads, summed by name without digits (so that pools add up). */
        static Map<String, Double> threads(long pid) throws IOException {
            Map<String, Double> seconds = new HashMap<>();
            try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : (Iterable<Path>) threads::iterator) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d", "");
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        seconds.merge(name, (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12])) / TICKS, Double::sum);
                    } catch (IOException e) {
                        // ended meanwhile
                    }
                }
            }
            return seconds;
        }

        static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
            Map<String, Double> used = new HashMap<>(after);
            used.replaceAll((name, seconds) -> seconds - before.getOrDefault(name, 0.0));
            return used;
        }

        static List<String> busiest(Map<String, Double> seconds) {
            return seconds.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                    .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .map(e -> String.format(Locale.ROOT, "%s=%.1f", e.getKey(), e.getValue())).toList();
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

        static long parent(long pid) {
            String[] fields = stat(pid);
            return fields == null ? -1 : Long.parseLong(fields[3]);
        }

        /** The fields of /proc/PID/stat, the command name (which may hold spaces) replaced; null once ended. */
        private static String[] stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return ("pid name " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
            } catch (IOException e) {
                return null;
            }
        }
    }
}
