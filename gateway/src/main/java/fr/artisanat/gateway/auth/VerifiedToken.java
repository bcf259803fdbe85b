package fr.artisanat.gateway.auth;

import java.util.Optional;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The claims of the request's bearer token once {@link BearerAuthentication} verified it, for the filters after it
 * (the rate limit reads the client, {@code azp}, and the roles, {@code realm_access.roles}).
 */
public final class VerifiedToken {

    private static final String KEY = "gateway.verified-token";

    private VerifiedToken() {
    }

    public static void put(RoutingContext context, JsonObject claims) {
        context.put(KEY, claims);
    }

    /** Empty before the token check, or on a path that needs none. */
    public static Optional<JsonObject> of(RoutingContext context) {
        return Optional.ofNullable(context.get(KEY));
    }
}
