package fr.artisanat.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Tests started from an IDE or a plain {@code ./mvnw test}, without the variables {@code ./suite test} exports, must
 * reach the test instance of PostgreSQL and Kafka (ports 25432 and 29092, docs/adr/0002), never the run instance that
 * holds the data of {@code ./suite run}. A service's test extends this class; it reads the service's
 * application.properties in the test profile with no environment at all.
 */
public abstract class TestInstanceDefaults {

    private static final String TEST_INSTANCE_POSTGRES = "127.0.0.1:25432";
    private static final String TEST_INSTANCE_KAFKA = "127.0.0.1:29092";

    @Test
    void testsReachTheTestInstanceWhenNothingIsExported() throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("test")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties")))
                .build();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        assertTrue(jdbcUrl.startsWith("jdbc:postgresql://" + TEST_INSTANCE_POSTGRES + "/"), jdbcUrl);
        assertEquals(TEST_INSTANCE_KAFKA, config.getValue("kafka.bootstrap.servers", String.class));
    }
}
