package fr.artisanat.registry.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/** {@code registry.tracked-epcis} (200068781, Valence Romans Agglo) decides which EPCIs are tracked at every start-up. */
@QuarkusTest
class TrackedEpcisTest {

    private static final String CONFIGURED = "200068781";
    private static final String NOT_CONFIGURED = "249720061";

    @Inject
    ReferenceDataLoader loader;

    @Inject
    EntityManager em;

    @Test
    void trackedEpcisFollowTheConfigurationAfterARestartWithAnotherValue() throws Exception {
        // what a run configured with registry.tracked-epcis=249720061 left in the database
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update territory set tracked = (siren = ?1) where kind = 'EPCI' and siren in (?1, ?2)")
                .setParameter(1, NOT_CONFIGURED).setParameter(2, CONFIGURED).executeUpdate());
        given().get("/v1/territories?q=" + CONFIGURED).then().body("items.tracked", contains(false));

        loader.onStart(new StartupEvent());

        given().get("/v1/territories?q=" + CONFIGURED).then().statusCode(200).body("items.tracked", contains(true));
        given().get("/v1/territories?q=" + NOT_CONFIGURED).then().statusCode(200).body("items.tracked", contains(false));
    }
}
