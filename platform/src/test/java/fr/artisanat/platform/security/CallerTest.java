package fr.artisanat.platform.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.ForgedTokens;
import fr.artisanat.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The caller a service gets is the one the verified token names: its subject, its realm roles, its partner (the demo
 * clients' and users' of the committed realm, with real tokens of the test Keycloak), and no partner for the admin.
 */
@QuarkusTest
class CallerTest {

    @Test
    void aPartnerSystemByClientCredentialsActsForItsAuthority() {
        String token = Tokens.client("valence-romans-agglo-system");
        callerOf(token).body("id", equalTo(Tokens.claims(token).path("sub").asText()))
                .body("roles", hasItem(Roles.PARTNER_SYSTEM))
                .body("partner.kind", equalTo("AUTHORITY")).body("partner.id", equalTo("200068781"));
    }

    @Test
    void aChambersSystemActsForItsChamber() {
        callerOf(Tokens.client("cma-aura-crm")).body("roles", hasItem(Roles.PARTNER_SYSTEM))
                .body("partner.kind", equalTo("CHAMBER")).body("partner.id", equalTo("c0000000-0000-4000-8000-000000000084"));
    }

    @Test
    void demoUsersActForTheirPartner() {
        callerOf(Tokens.user("cmar-paca-adviser")).body("roles", hasItem(Roles.CHAMBER_STAFF))
                .body("partner.kind", equalTo("CHAMBER")).body("partner.id", equalTo("c0000000-0000-4000-8000-000000000093"));
        callerOf(Tokens.user("metropole-officer")).body("roles", hasItem(Roles.AUTHORITY_STAFF))
                .body("partner.kind", equalTo("AUTHORITY")).body("partner.id", equalTo("200054807"));
    }

    @Test
    void theAdminActsForNoPartner() {
        callerOf(Tokens.admin()).body("roles", hasItem(Roles.ADMIN)).body("roles", not(hasItem(Roles.PARTNER_SYSTEM)))
                .body("partner", equalTo("none"));
    }

    @Test
    void aTokenWhosePartnerClaimsNameNoPartnerIsForbidden() {
        ForgedTokens forged = ForgedTokens.trustedKey();
        for (Map<String, String> partner : new Map[] { Map.of("partner_kind", "authority", "partner_id", "not-a-siren"),
                Map.of("partner_kind", "epci", "partner_id", "200068781"), Map.of("partner_id", "200068781") }) {
            Map<String, Object> claims = forged.validClaims();
            claims.putAll(partner);
            BearerTokens.anonymous().header(BearerTokens.as(forged.sign(claims))).get("/test/caller").then()
                    .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        }
    }

    @Test
    void operationsAreForTheAdminOnly() {
        BearerTokens.anonymous().header(BearerTokens.as(Tokens.client("valence-romans-agglo-system"))).get("/admin/outbox/parked")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        BearerTokens.anonymous().header(BearerTokens.as(Tokens.admin())).get("/admin/outbox/parked").then().statusCode(200);
        BearerTokens.anonymous().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthAndTheApiDocumentNeedNoToken() {
        BearerTokens.anonymous().get("/q/health/ready").then().statusCode(200);
        BearerTokens.anonymous().get("/q/openapi").then().statusCode(200);
        BearerTokens.anonymous().header(BearerTokens.as("not-a-token")).get("/q/health/live").then().statusCode(200);
    }

    private static ValidatableResponse callerOf(String token) {
        return BearerTokens.anonymous().header(BearerTokens.as(token)).get("/test/caller").then().statusCode(200);
    }
}
