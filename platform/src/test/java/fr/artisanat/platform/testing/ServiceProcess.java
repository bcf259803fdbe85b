package fr.artisanat.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service's packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a real
 * process, as in production, against the infrastructure of {@code ./suite test} (it inherits DB_* and
 * KAFKA_BOOTSTRAP_SERVERS). Black-box tests ({@code *IT}, run by failsafe after {@code package}) start several to
 * prove what holds with replicas, and can kill one the hard way. Its output goes to {@code target/it-logs/NAME.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int FREE_PORTS_FROM = 10000;
    private static final int FREE_PORTS_TO = 15000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the application of the current module and returns once it is ready.
     *
     * @param name   the instance's name, also its PostgreSQL {@code application_name}, to tell its sessions apart
     * @param config configuration properties (passed as system properties), e.g. {@code convention.clock-offset}
     */
    public static ServiceProcess start(String name, Map<String, String> config) {
        ServiceProcess instance = launch(name, config);
        instance.awaitReady();
        return instance;
    }

    /** Starts several instances at once (their start-ups overlap, as in a rolling deployment) and awaits them all. */
    public static List<ServiceProcess> startAll(List<String> names, Map<String, String> config) {
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            names.forEach(name -> instances.add(launch(name, config)));
            instances.forEach(ServiceProcess::awaitReady);
            return instances;
        } catch (RuntimeException e) {
            instances.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /**
     * Starts the packaged application of another module of the reactor (the gateway's tests start the services it
     * routes to, and itself with a small heap; the TypeScript clients' test starts the services), and returns once it is ready.
     *
     * @param module     the module's folder, e.g. {@code ../convention-service}
     * @param port       its HTTP port, fixed so that it can be stopped and started again at the same address; 0 for a free one
     * @param jvmOptions added after the defaults, e.g. {@code -Xmx48m} (the last -Xmx wins)
     */
    public static ServiceProcess start(Path module, String name, int port, List<String> jvmOptions, Map<String, String> config) {
        ServiceProcess instance = launch(module, name, port, jvmOptions, config);
        instance.awaitReady();
        return instance;
    }

    /**
     * A free port on loopback, for {@link #start(Path, String, int, List, Map)}, between {@value #FREE_PORTS_FROM} and
     * {@value #FREE_PORTS_TO}: below the kernel's ephemeral range (32768 and up by default), since a port the kernel
     * hands out ({@code new ServerSocket(0)}) is free only until its next outgoing connection (an instance whose Kafka
     * client retries a closed port opens hundreds), and below the fixed ports of {@code ./suite} (15432 and up,
     * scripts/common.sh), such as the test gateway's, started after the services.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(FREE_PORTS_FROM, FREE_PORTS_TO);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("no free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_TO);
    }

    private static ServiceProcess launch(String name, Map<String, String> config) {
        return launch(Path.of(""), name, 0, List.of(), config);
    }

    private static ServiceProcess launch(Path module, String name, int fixedPort, List<String> jvmOptions, Map<String, String> config) {
        Path jar = module.resolve(Path.of("target", "quarkus-app", "quarkus-run.jar")).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after 'package' (mvn verify)");
        }
        int port = fixedPort == 0 ? freePort() : fixedPort;
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName=" + name));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path log = Path.of("target", "it-logs", name + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, port, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    private static String java() {
        String home = System.getenv("JAVA_HOME");
        return home == null ? ProcessHandle.current().info().command().orElse("java") : Path.of(home, "bin", "java").toString();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (ready()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The HTTP port, for RestAssured's {@code given().port(...)}. */
    public int port() {
        return port;
    }

    /** The operating system's id of the process, to read its memory and CPU time in /proc. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGSTOP: the process stays, with its connections and locks, but does nothing more, as in a long GC pause or a
     * frozen virtual machine. Its HTTP requests hang.
     */
    public void freeze() {
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start();
            if (stop.waitFor() != 0) {
                throw new IllegalStateException("could not freeze " + name);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not freeze " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, open transactions and connections are cut, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        await(Duration.ofSeconds(30));
    }

    /** Graceful stop (SIGTERM), then a kill if it hangs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!await(Duration.ofSeconds(30))) {
                kill();
            }
        }
    }

    /** The last lines of the instance's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean await(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
