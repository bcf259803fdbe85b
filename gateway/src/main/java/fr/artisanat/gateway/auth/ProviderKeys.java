package fr.artisanat.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import fr.artisanat.gateway.config.GatewayConfig;

/**
 * Verifies bearer tokens with the identity provider's signing keys: signature (asymmetric algorithms only, so neither
 * {@code alg: none} nor an HMAC made with a public key passes), issuer, audience, expiry and not-before. The keys
 * (JWKS) are fetched without blocking the event loop and kept for {@code gateway.auth.keys-max-age}; a token signed
 * with a key id they lack (the provider rotated its keys) fetches them again, at most once per
 * {@link #UNKNOWN_KEY_REFETCH}, so that tokens with made-up key ids cannot make the gateway hammer the provider.
 */
@ApplicationScoped
public class ProviderKeys {

    private static final Logger LOG = Logger.getLogger(ProviderKeys.class);
    static final Duration UNKNOWN_KEY_REFETCH = Duration.ofSeconds(10);
    private static final long FETCH_TIMEOUT_MS = 5_000;
    private static final String[] ALGORITHMS = { AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512 };

    /** The keys as last fetched, and a consumer that verifies with them. */
    private record Keys(List<String> ids, JwtConsumer consumer, Instant fetched) {
    }

    private final GatewayConfig.Auth config;
    private final HttpClient client;
    private final String jwksUrl;
    private final AtomicReference<Keys> keys = new AtomicReference<>();
    private final AtomicReference<Future<Keys>> fetching = new AtomicReference<>();
    private volatile Instant lastUnknownKeyFetch = Instant.EPOCH;

    ProviderKeys(Vertx vertx, GatewayConfig config) {
        this.config = config.auth();
        this.client = vertx.createHttpClient();
        this.jwksUrl = this.config.serverUrl() + this.config.jwksPath();
    }

    /** The token's claims once verified; a failed future when it is refused or no key could be fetched. */
    public Future<JsonObject> verify(String token) {
        Keys known = keys.get();
        if (known == null) {
            return fetch().compose(fetched -> claims(fetched, token));
        }
        if (Duration.between(known.fetched(), Instant.now()).compareTo(config.keysMaxAge()) > 0) {
            fetch(); // the current keys serve meanwhile
        }
        String keyId = keyId(token);
        if (keyId != null && !known.ids().contains(keyId)
                && Duration.between(lastUnknownKeyFetch, Instant.now()).compareTo(UNKNOWN_KEY_REFETCH) > 0) {
            lastUnknownKeyFetch = Instant.now();
            return fetch().compose(fetched -> claims(fetched, token), failure -> claims(known, token));
        }
        return claims(known, token);
    }

    private static Future<JsonObject> claims(Keys keys, String token) {
        try {
            return Future.succeededFuture(new JsonObject(keys.consumer().processToClaims(token).toJson()));
        } catch (InvalidJwtException e) {
            return Future.failedFuture(new RefusedToken(e.getMessage()));
        }
    }

    /** The key id of the token's header; null when it has none or is no JWS at all (then verification refuses it). */
    private static String keyId(String token) {
        int dot = token.indexOf('.');
        try {
            return dot < 0 ? null : new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)))).getString("kid");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One fetch at a time: requests that arrive meanwhile wait for the same one. */
    private Future<Keys> fetch() {
        Promise<Keys> promise = Promise.promise();
        Future<Keys> running = fetching.compareAndExchange(null, promise.future());
        if (running != null) {
            return running;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUrl).setTimeout(FETCH_TIMEOUT_MS);
        client.request(request).compose(r -> r.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("the identity provider answered " + response.statusCode() + " for " + jwksUrl))
                .map(body -> keys(body.toString()))
                .onComplete(fetched -> {
                    fetching.set(null);
                    if (fetched.succeeded()) {
                        keys.set(fetched.result());
                        promise.complete(fetched.result());
                    } else {
                        LOG.warnf("The identity provider's keys could not be fetched from %s: %s", jwksUrl, fetched.cause().toString());
                        promise.fail(new KeysUnavailable(fetched.cause()));
                    }
                });
        return promise.future();
    }

    private Keys keys(String jwks) {
        List<JsonWebKey> signing = new ArrayList<>();
        try {
            for (JsonWebKey key : new JsonWebKeySet(jwks).getJsonWebKeys()) {
                if (key.getUse() == null || Use.SIGNATURE.equals(key.getUse())) {
                    signing.add(key);
                }
            }
        } catch (JoseException e) {
            throw new IllegalStateException("unreadable JWKS at " + jwksUrl + ": " + e.getMessage(), e);
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(signing))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS))
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
        return new Keys(signing.stream().map(JsonWebKey::getKeyId).toList(), consumer, Instant.now());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The token failed a check; the message says which, for the gateway's log only. */
    public static final class RefusedToken extends RuntimeException {
        RefusedToken(String reason) {
            super(reason, null, false, false);
        }
    }

    /** No key is known and the provider could not be reached: no token can be verified. */
    public static final class KeysUnavailable extends RuntimeException {
        KeysUnavailable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
