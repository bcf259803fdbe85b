package fr.artisanat.registry.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.artisanat.platform.testing.contract.ApiContract;
import fr.artisanat.registry.Registry;
import fr.artisanat.registry.SireneFile;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the served document, with generated requests (docs/adr/0008). */
@QuarkusTest
class ApiContractTest extends ApiContract {

    /** A territory, an import and the establishments it kept, for the requests that change state. */
    @Override
    protected List<String> fixtures() {
        String territory = Registry.territory("Territoire du contrat", "26281", "26362");
        SireneFile file = SireneFile.layout48();
        List<String> sirets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String siret = SireneFile.newSiret();
            sirets.add(siret);
            file.row(SireneFile.craft(siret, i % 2 == 0 ? "26281" : "26362", "43.22A", "Plomberie du contrat " + i, Map.of()));
        }
        String importId = Registry.importFile(file.bytes(), "contract.csv").getString("id");
        List<String> fixtures = new ArrayList<>(List.of("/v1/territories/" + territory, "/v1/imports/" + importId));
        sirets.forEach(siret -> fixtures.add("/v1/establishments/" + siret));
        return fixtures;
    }

    /** Imports run in the background: the next operation, and the next test, start once they are done. */
    @Override
    protected void settle(List<String> locationsCreated) {
        locationsCreated.stream().filter(location -> location.startsWith("/v1/imports/")).forEach(location ->
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !"RUNNING".equals(given().get(location).then().extract().path("status"))));
    }
}
