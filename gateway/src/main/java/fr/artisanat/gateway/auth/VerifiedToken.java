package fr.artisanat.gateway.auth;

import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
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

    /** The caller's realm roles ({@code realm_access.roles}). */
    public static List<String> roles(JsonObject claims) {
        if (claims.getValue("realm_access") instanceof JsonObject realm && realm.getValue("roles") instanceof JsonArray roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
