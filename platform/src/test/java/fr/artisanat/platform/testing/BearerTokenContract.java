package fr.artisanat.platform.testing;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.response.ValidatableResponse;

/**
 * What an entry point of the suite refuses, the gateway and every service alike (issue 10, done-when 2): a request
 * without a bearer token, and one whose token is expired, not yet valid, from another issuer, for another audience,
 * with a tampered signature, unsigned ({@code alg: none}) or signed HS256 with the realm's public key. Each gets 401
 * problem+json with a {@code WWW-Authenticate: Bearer} challenge. The same request with the realm's own tokens, or
 * with a token signed by a key the realm trusts, gets through: each refusal is for the one thing its token changes.
 * A test class of the gateway or of a service extends it and names a path the admin may read.
 */
public abstract class BearerTokenContract {

    /** A GET the admin may make, e.g. {@code /v1/chambers?limit=1}. */
    protected abstract String protectedPath();

    @Test
    void theRealmsTokensAndTokensSignedWithAKeyItTrustsAreAccepted() {
        for (String token : new String[] { Tokens.admin(), Tokens.client("valence-romans-agglo-system"),
                ForgedTokens.trustedKey().sign(ForgedTokens.trustedKey().validClaims()) }) {
            call(token).statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
        }
    }

    @Test
    void aRequestWithoutABearerTokenGets401WithTheChallenge() {
        for (ValidatableResponse response : new ValidatableResponse[] {
                BearerTokens.anonymous().get(protectedPath()).then(),
                BearerTokens.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4tZGVtbw==").get(protectedPath()).then() }) {
            unauthorized(response).header("WWW-Authenticate", not(containsString("error=")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aTokenThatFailsOneCheckGets401(String why, String token) {
        unauthorized(call(token)).header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    static Stream<Arguments> refusedTokens() {
        ForgedTokens forged = ForgedTokens.trustedKey();
        long now = Instant.now().getEpochSecond();
        String real = Tokens.admin();
        return Stream.of(
                Arguments.of("expired", forged.sign(changed(forged, c -> {
                    c.put("iat", now - 600);
                    c.put("exp", now - 300);
                }))),
                Arguments.of("not yet valid", forged.sign(changed(forged, c -> {
                    c.put("nbf", now + 3600);
                    c.put("exp", now + 7200);
                }))),
                Arguments.of("another issuer", forged.sign(changed(forged,
                        c -> c.put("iss", TestRealm.issuer().replace("/realms/" + TestRealm.NAME, "/realms/master"))))),
                Arguments.of("another audience", forged.sign(changed(forged, c -> c.put("aud", "account")))),
                Arguments.of("tampered signature", ForgedTokens.withTamperedSignature(real)),
                Arguments.of("alg none", ForgedTokens.unsigned(real)),
                Arguments.of("HS256 signed with the realm's public key", ForgedTokens.hmacWithTheRealmsPublicKey(real)),
                Arguments.of("not a JWT", "not-a-token"));
    }

    private static Map<String, Object> changed(ForgedTokens forged, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = forged.validClaims();
        change.accept(claims);
        return claims;
    }

    private ValidatableResponse call(String token) {
        return BearerTokens.anonymous().header(BearerTokens.as(token)).get(protectedPath()).then();
    }

    private static ValidatableResponse unauthorized(ValidatableResponse response) {
        return response.statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401));
    }
}
