package fr.artisanat.platform;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the platform's own tables (outbox, idempotency keys, processed events) in the service's schema with a
 * separate Flyway history, so platform and service migrations never compete for version numbers (ADR 0003).
 */
@ApplicationScoped
public class PlatformSchema {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.schemas")
    String schema;

    private volatile boolean ready;

    void migrate(@Observes @Priority(10) StartupEvent startup) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        ready = true;
    }

    /** Background jobs stop touching the database once the application shuts down. */
    void shutdown(@Observes ShutdownEvent shutdown) {
        ready = false;
    }

    /** True between the platform migration at start-up and shutdown. */
    public boolean isReady() {
        return ready;
    }
}
