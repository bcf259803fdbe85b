package fr.artisanat.registry.api;

import fr.artisanat.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Override
    protected String documentName() {
        return "enterprise-registry-service.yaml";
    }
}
