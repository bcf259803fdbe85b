package fr.artisanat.registry.api;

import fr.artisanat.platform.testing.BearerTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/** enterprise-registry-service called directly, not through the gateway, refuses every token the gateway refuses. */
@QuarkusTest
class BearerTokenTest extends BearerTokenContract {

    @Override
    protected String protectedPath() {
        return "/v1/territories?limit=1";
    }
}
