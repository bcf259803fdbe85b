package fr.artisanat.gateway.auth;

import java.util.Optional;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The claims of the request's bearer token once the gateway has verified it (signature, issuer, audience, expiry),
 * for the filters that run after the check, such as the rate limit. A request without them is anonymous.
 */
public final class VerifiedToken {

    private static final String CLAIMS = "gateway.verified-token";

    private VerifiedToken() {
    }

    public static Optional<JsonObject> of(RoutingContext context) {
        return Optional.ofNullable(context.get(CLAIMS));
    }

    /** Only the token check calls this, with the claims of a token it has verified. */
    public static void put(RoutingContext context, JsonObject claims) {
        context.put(CLAIMS, claims);
    }
}
