package fr.artisanat.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.ServiceProcess;

/**
 * The packaged services and the packaged gateway in front of them, as real processes against the PostgreSQL and Kafka
 * of {@code ./suite test}: started once for all the black-box tests (*IT) of the run, stopped when it ends. The
 * gateway runs with a heap far smaller than the files the streaming test sends through it. The tests' requests carry
 * the admin's token unless they say otherwise ({@link BearerTokens}).
 */
public final class RunningSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** The gateway's heap in the black-box tests: the streaming test sends files several times larger. */
    public static final int GATEWAY_HEAP_MB = 16;

    private static ServiceProcess conventions;
    private static ServiceProcess registry;
    private static ServiceProcess gateway;

    @Override
    public void beforeAll(ExtensionContext context) {
        BearerTokens.adminByDefault();
        synchronized (RunningSuite.class) {
            if (gateway == null) {
                List<ServiceProcess> services = new ArrayList<>();
                try {
                    conventions = start(services, ServiceProcess.start(Path.of("..", "convention-service"),
                            "convention-service", 0, List.of(), Map.of()));
                    registry = start(services, ServiceProcess.start(Path.of("..", "enterprise-registry-service"),
                            "enterprise-registry-service", 0, List.of(), Map.of()));
                    gateway = start(services, startGateway("gateway", conventions.port(), registry.port(), Map.of()));
                } catch (RuntimeException e) {
                    services.forEach(ServiceProcess::close);
                    throw e;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningSuite.class.getName(), this);
            }
        }
    }

    /** A gateway process routing to these services' ports, with a small heap; {@code config} adds or overrides. */
    public static ServiceProcess startGateway(String name, int conventionsPort, int registryPort, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(Map.of(
                "gateway.upstreams.convention-service.url", "http://127.0.0.1:" + conventionsPort,
                "gateway.upstreams.enterprise-registry-service.url", "http://127.0.0.1:" + registryPort,
                // every black-box test calls from one address: the rate limit has a test of its own (SharedRateLimitIT)
                "gateway.rate-limits.anonymous.requests", "1000000"));
        all.putAll(config);
        return ServiceProcess.start(Path.of(""), name, 0,
                List.of("-Xmx" + GATEWAY_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"), all);
    }

    private static ServiceProcess start(List<ServiceProcess> started, ServiceProcess process) {
        started.add(process);
        return process;
    }

    public static ServiceProcess conventions() {
        return conventions;
    }

    public static ServiceProcess registry() {
        return registry;
    }

    public static ServiceProcess gateway() {
        return gateway;
    }

    @Override
    public void close() {
        for (ServiceProcess process : new ServiceProcess[] { gateway, registry, conventions }) {
            if (process != null) {
                process.close();
            }
        }
    }
}
