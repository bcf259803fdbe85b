package fr.artisanat.convention.api;

import fr.artisanat.platform.testing.BearerTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/** convention-service called directly, not through the gateway, refuses every token the gateway refuses. */
@QuarkusTest
class BearerTokenTest extends BearerTokenContract {

    @Override
    protected String protectedPath() {
        return "/v1/chambers?limit=1";
    }
}
