package fr.artisanat.platform.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Turns on {@link BearerTokens#adminByDefault()} where the test's RestAssured lives. For the {@code @QuarkusTest}s of
 * a module, which run in the application's class loader: name this class in the module's test resources,
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}. For a black-box test
 * ({@code *IT}) that calls packaged services: {@code @ExtendWith(AdminTokenByDefault.class)}.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback, BeforeAllCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        BearerTokens.adminByDefault();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        BearerTokens.adminByDefault();
    }
}
