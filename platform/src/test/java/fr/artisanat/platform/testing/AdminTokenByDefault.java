package fr.artisanat.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * {@link BearerTokens#adminByDefault()} before each {@code @QuarkusTest} method, in the class loader of the test (where
 * its RestAssured lives). A module turns it on by naming this class in its test resources'
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        BearerTokens.adminByDefault();
    }
}
