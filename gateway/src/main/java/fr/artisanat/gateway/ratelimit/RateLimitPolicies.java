package fr.artisanat.gateway.ratelimit;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.json.JsonObject;

import fr.artisanat.gateway.auth.VerifiedToken;
import fr.artisanat.gateway.config.GatewayConfig;

/**
 * Which rate limit a request falls under, from the claims of its verified token: its client ({@code azp}) by its own
 * entry, else by the most generous entry among its realm roles ({@code realm_access.roles}), else the one for any
 * authenticated client; each caller ({@code sub}) of a client has its own budget under that limit. Without verified
 * claims, per remote address. Checked once at start-up.
 */
@ApplicationScoped
public class RateLimitPolicies {

    private final Policy anonymous;
    private final Policy authenticated;
    private final Map<String, Policy> byRole;
    private final Map<String, Policy> byClient;

    @Inject
    RateLimitPolicies(GatewayConfig config) {
        this(policy("anonymous", config.rateLimits().anonymous()), policy("authenticated", config.rateLimits().authenticated()),
                policies("role:", config.rateLimits().roles()), policies("client:", config.rateLimits().clients()));
    }

    RateLimitPolicies(Policy anonymous, Policy authenticated, Map<String, Policy> byRole, Map<String, Policy> byClient) {
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.byRole = Map.copyOf(byRole);
        this.byClient = Map.copyOf(byClient);
    }

    public Quota quotaOf(Optional<JsonObject> claims, String remoteAddress) {
        Optional<String> client = claims.flatMap(RateLimitPolicies::client);
        if (client.isEmpty()) {
            return new Quota("address:" + remoteAddress, anonymous);
        }
        Policy policy = byClient.get(client.get());
        if (policy == null) {
            policy = VerifiedToken.roles(claims.get()).stream().map(byRole::get).filter(Objects::nonNull)
                    .max(Comparator.comparingDouble(Policy::rate).thenComparing(Policy::name))
                    .orElse(authenticated);
        }
        return new Quota("client:" + client.get() + caller(claims.get()), policy);
    }

    /** The client the token was issued to ({@code azp}); a token without one counts for its subject. */
    private static Optional<String> client(JsonObject claims) {
        Object client = claims.getValue("azp", claims.getValue("sub"));
        return client instanceof String name && !name.isBlank() ? Optional.of(name) : Optional.empty();
    }

    /**
     * Each caller of a client counts on its own: the people who log in through one frontend client do not share one
     * budget. A partner system's tokens (client credentials) all name its service account, so it has one budget.
     */
    private static String caller(JsonObject claims) {
        Object subject = claims.getValue("sub");
        return subject instanceof String id && !id.isBlank() ? "|caller:" + id : "";
    }

    private static Policy policy(String name, GatewayConfig.Limit limit) {
        return new Policy(name, limit.requests(), limit.per());
    }

    private static Map<String, Policy> policies(String prefix, Map<String, GatewayConfig.Limit> limits) {
        Map<String, Policy> policies = new TreeMap<>();
        limits.forEach((name, limit) -> policies.put(name, policy(prefix + name, limit)));
        return policies;
    }
}
