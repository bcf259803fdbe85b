package fr.artisanat.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Tests started from an IDE or a plain {@code ./mvnw test}, without the variables {@code ./suite test} exports, must
 * reach the test instance of PostgreSQL, Kafka and Keycloak (ports 25432, 29092 and 28180, docs/adr/0002), never the
 * run instance that holds the data of {@code ./suite run}. A service's test extends this class; it reads the service's
 * application.properties and the settings the platform jar gives every service, in the test profile with no
 * environment at all.
 */
public abstract class TestInstanceDefaults {

    private static final String TEST_INSTANCE_POSTGRES = "127.0.0.1:25432";
    private static final String TEST_INSTANCE_KAFKA = "127.0.0.1:29092";
    private static final String TEST_INSTANCE_KEYCLOAK = "http://localhost:28180/";

    @Test
    void testsReachTheTestInstanceWhenNothingIsExported() throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile("test")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties"), 250));
        // the settings every service shares, in the platform jar (bearer tokens)
        for (URL shared : Collections.list(getClass().getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
            builder.withSources(new PropertiesConfigSource(shared, 100));
        }
        SmallRyeConfig config = builder.build();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        assertTrue(jdbcUrl.startsWith("jdbc:postgresql://" + TEST_INSTANCE_POSTGRES + "/"), jdbcUrl);
        assertEquals(TEST_INSTANCE_KAFKA, config.getValue("kafka.bootstrap.servers", String.class));
        String identityProvider = config.getValue("quarkus.oidc.auth-server-url", String.class);
        assertTrue(identityProvider.startsWith(TEST_INSTANCE_KEYCLOAK), identityProvider);
    }
}
