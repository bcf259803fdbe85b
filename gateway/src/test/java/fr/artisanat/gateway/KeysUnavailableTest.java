package fr.artisanat.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.artisanat.platform.testing.BearerTokens;
import fr.artisanat.platform.testing.ServiceProcess;
import fr.artisanat.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * When the gateway cannot get the identity provider's keys, it cannot tell a good token from a bad one: 503
 * problem+json with Retry-After, not a 401 that would tell a caller with a good token that it is wrong.
 */
@QuarkusTest
@QuarkusTestResource(TestUpstream.class)
@TestProfile(KeysUnavailableTest.ProviderUnreachable.class)
class KeysUnavailableTest {

    public static class ProviderUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "http://127.0.0.1:" + ServiceProcess.freePort() + "/realms/partnerships";
            return Map.of("gateway.auth.server-url", nowhere, "gateway.auth.issuer", nowhere);
        }
    }

    @Test
    void aTokenThatCannotBeVerifiedGets503WithRetryAfter() {
        BearerTokens.anonymous().header(BearerTokens.as(Tokens.admin())).get("/v1/echo").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/identity-provider-unavailable"));
    }
}
