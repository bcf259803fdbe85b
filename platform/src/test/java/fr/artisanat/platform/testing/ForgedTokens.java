package fr.artisanat.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tokens made by the tests themselves, for the tests of what the suite refuses (issue 10, done-when 2). To refuse an
 * expired or not yet valid token for that reason alone, its signature must be good: {@link #trustedKey()} registers a
 * key pair of the test's own in the test realm (an RSA key provider of lower priority than the realm's, so Keycloak
 * keeps signing with its key), and the realm publishes its public key with its others. A token signed with it and
 * {@link #validClaims()} is accepted, which shows that each refusal comes from the one claim a test changes.
 * The other forgeries start from a real token: its signature tampered with, {@code alg: none}, or HS256 with the
 * realm's public key as the HMAC secret (the algorithm-confusion attack).
 */
public final class ForgedTokens {

    private static ForgedTokens trusted;

    private final PrivateKey key;
    private final String keyId;

    private ForgedTokens(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    /** The test's own key, registered in the realm once per test run of a JVM. */
    public static synchronized ForgedTokens trustedKey() {
        if (trusted == null) {
            trusted = register();
        }
        return trusted;
    }

    private static ForgedTokens register() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> component = Map.of(
                "name", "tests-" + UUID.randomUUID(),
                "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", TestRealm.admin("GET", "", null, 200).path("id").asText(),
                "config", Map.of("priority", List.of("-100"), "enabled", List.of("true"), "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))));
        String location = TestRealm.admin("POST", "/components", component, 201).asText();
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode listed : TestRealm.admin("GET", "/keys", null, 200).path("keys")) {
            if (componentId.equals(listed.path("providerId").asText())) {
                return new ForgedTokens(pair.getPrivate(), listed.path("kid").asText());
            }
        }
        throw new IllegalStateException("The realm does not list the key of component " + componentId);
    }

    /** What the realm would put in the admin's access token: every check passes. */
    public Map<String, Object> validClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestRealm.issuer());
        claims.put("aud", TestRealm.AUDIENCE);
        claims.put("sub", "forged-" + UUID.randomUUID());
        claims.put("azp", Tokens.TEST_CLIENT);
        claims.put("typ", "Bearer");
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("realm_access", Map.of("roles", List.of("admin")));
        return claims;
    }

    /** Signed RS256 with the trusted key. */
    public String sign(Map<String, Object> claims) {
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one bit of its signature changed. */
    public static String withTamperedSignature(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        return parts[0] + "." + parts[1] + "." + base64(signature);
    }

    /** The token's claims under {@code alg: none}, without a signature. */
    public static String unsigned(String token) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + token.split("\\.")[1] + ".";
    }

    /**
     * The token's claims signed HS256 with the realm's public RSA key (PEM) as the secret, under the key id of that
     * key: a verifier that lets the token choose the algorithm would accept it.
     */
    public static String hmacWithTheRealmsPublicKey(String token) {
        String keyId = Tokens.part(token, 0).path("kid").asText();
        String signingInput = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", keyId)) + "." + token.split("\\.")[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyPem(keyId).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + base64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyPem(String keyId) throws GeneralSecurityException {
        for (JsonNode published : TestRealm.keys().path("keys")) {
            if (keyId.equals(published.path("kid").asText())) {
                byte[] certificate = Base64.getDecoder().decode(published.path("x5c").path(0).asText());
                byte[] publicKey = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(certificate)).getPublicKey().getEncoded();
                return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
            }
        }
        throw new IllegalStateException("The realm publishes no key " + keyId);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return base64(TestRealm.JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
