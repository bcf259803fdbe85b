package fr.artisanat.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Which budget a request takes from, from its verified token's claims (or its address without one). */
class RateLimitPoliciesTest {

    private static final Policy ANONYMOUS = new Policy("anonymous", 120, Duration.ofMinutes(1));
    private static final Policy AUTHENTICATED = new Policy("authenticated", 600, Duration.ofMinutes(1));
    private static final Policy PARTNER_SYSTEM = new Policy("role:partner-system", 1200, Duration.ofMinutes(1));
    private static final Policy CHAMBER_STAFF = new Policy("role:chamber-staff", 900, Duration.ofMinutes(1));
    /** Fewer per minute than partner-system, but more per second: the most generous by rate wins. */
    private static final Policy ADMIN = new Policy("role:admin", 100, Duration.ofSeconds(1));
    private static final Policy CRM = new Policy("client:cma-aura-crm", 3000, Duration.ofMinutes(1));

    private final RateLimitPolicies policies = new RateLimitPolicies(ANONYMOUS, AUTHENTICATED,
            Map.of("partner-system", PARTNER_SYSTEM, "chamber-staff", CHAMBER_STAFF, "admin", ADMIN),
            Map.of("cma-aura-crm", CRM));

    @Test
    void withoutVerifiedClaimsARequestCountsAgainstItsAddress() {
        Quota quota = policies.quotaOf(Optional.empty(), "192.0.2.7");
        assertEquals("address:192.0.2.7", quota.subject());
        assertEquals(ANONYMOUS, quota.policy());
    }

    @Test
    void aClientWithItsOwnEntryGetsItWhateverItsRoles() {
        Quota quota = policies.quotaOf(Optional.of(token("cma-aura-crm", "partner-system")), "192.0.2.7");
        assertEquals("client:cma-aura-crm|caller:subject-of-cma-aura-crm", quota.subject());
        assertEquals(CRM, quota.policy());
    }

    @Test
    void otherwiseTheMostGenerousOfItsRealmRoles() {
        assertEquals(PARTNER_SYSTEM, policies.quotaOf(Optional.of(token("valence-romans-agglo-system",
                "offline_access", "partner-system")), "192.0.2.7").policy());
        assertEquals(PARTNER_SYSTEM, policies.quotaOf(Optional.of(token("partner-crm", "chamber-staff", "partner-system")),
                "192.0.2.7").policy());
        assertEquals(ADMIN, policies.quotaOf(Optional.of(token("partner-crm", "partner-system", "admin")), "192.0.2.7").policy());
    }

    @Test
    void aClientWithoutAConfiguredRoleGetsTheAuthenticatedLimit() {
        assertEquals(AUTHENTICATED, policies.quotaOf(Optional.of(token("partner-crm", "offline_access")), "192.0.2.7").policy());
        JsonObject noRealmAccess = new JsonObject().put("azp", "partner-crm").put("sub", "u-1");
        assertEquals(AUTHENTICATED, policies.quotaOf(Optional.of(noRealmAccess), "192.0.2.7").policy());
        JsonObject oddRoles = new JsonObject().put("azp", "partner-crm").put("realm_access", new JsonObject().put("roles", "admin"));
        assertEquals(AUTHENTICATED, policies.quotaOf(Optional.of(oddRoles), "192.0.2.7").policy());
    }

    @Test
    void eachCallerOfAClientHasABudgetOfItsOwnWhateverItsAddress() {
        JsonObject alice = token("partnerships-web", "chamber-staff").put("sub", "alice");
        JsonObject bob = token("partnerships-web", "chamber-staff").put("sub", "bob");
        Quota aliceHere = policies.quotaOf(Optional.of(alice), "192.0.2.7");
        assertEquals(aliceHere.bucketKey(), policies.quotaOf(Optional.of(alice), "198.51.100.9").bucketKey());
        assertNotEquals(aliceHere.bucketKey(), policies.quotaOf(Optional.of(bob), "192.0.2.7").bucketKey());
        assertEquals(aliceHere.policy(), policies.quotaOf(Optional.of(bob), "192.0.2.7").policy());
        assertEquals("client:partnerships-web|caller:alice", aliceHere.subject());
        JsonObject tokenWithoutAzp = new JsonObject().put("sub", "service-account-1");
        assertEquals("client:service-account-1|caller:service-account-1",
                policies.quotaOf(Optional.of(tokenWithoutAzp), "192.0.2.7").subject());
    }

    @Test
    void anotherPolicyOrOtherFiguresMakeAnotherBucket() {
        Quota asStaff = policies.quotaOf(Optional.of(token("partnerships-web", "chamber-staff")), "192.0.2.7");
        Quota asAdmin = policies.quotaOf(Optional.of(token("partnerships-web", "admin")), "192.0.2.7");
        assertNotEquals(asStaff.bucketKey(), asAdmin.bucketKey());
        Quota reconfigured = new Quota(asStaff.subject(), new Policy("role:chamber-staff", 60, Duration.ofMinutes(1)));
        assertNotEquals(asStaff.bucketKey(), reconfigured.bucketKey());
    }

    @Test
    void headersFollowTheIetfDraft() {
        assertEquals("\"role:partner-system\";q=1200;w=60", PARTNER_SYSTEM.header());
        assertEquals("\"role:partner-system\";r=17;t=3", PARTNER_SYSTEM.state(17, 3));
    }

    @Test
    void aLimitOfNoRequestOrOverLessThanASecondIsAConfigurationMistake() {
        assertThrows(IllegalStateException.class, () -> new Policy("anonymous", 0, Duration.ofMinutes(1)));
        assertThrows(IllegalStateException.class, () -> new Policy("anonymous", 10, Duration.ofMillis(500)));
    }

    private static JsonObject token(String client, String... roles) {
        return new JsonObject().put("azp", client).put("sub", "subject-of-" + client)
                .put("realm_access", new JsonObject().put("roles", new JsonArray(List.of(roles))));
    }
}
