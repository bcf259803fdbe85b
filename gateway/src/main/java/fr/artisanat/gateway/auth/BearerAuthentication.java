package fr.artisanat.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.routing.GatewayFilter;
import fr.artisanat.gateway.routing.RouteDefinition;

/**
 * Every routed request needs a valid bearer token of the suite's identity provider ({@link ProviderKeys}), checked
 * before anything else is done for it: otherwise 401 problem+json with the {@code WWW-Authenticate} challenge of RFC
 * 6750. The Authorization header passes on to the service, which verifies the token again (docs/adr/0014); the
 * verified claims are kept for the next filters ({@link VerifiedToken}). The gateway's own paths (health, the suite's
 * OpenAPI document, Swagger UI) are not routed, so they stay public; its metrics are the operators' ({@link OperatorsOnly}).
 */
@ApplicationScoped
public class BearerAuthentication implements GatewayFilter {

    /** First of the filters: an anonymous caller learns nothing of limits (rate, body size). */
    static final int ORDER = 100;
    static final String CHALLENGE = "Bearer realm=\"partnerships\"";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final Logger LOG = Logger.getLogger(BearerAuthentication.class);
    private static final String SCHEME = "Bearer ";
    /** Seconds a client waits before trying again when the provider's keys cannot be had. */
    private static final String KEYS_RETRY_AFTER = "5";

    private final ProviderKeys keys;

    BearerAuthentication(ProviderKeys keys) {
        this.keys = keys;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void handle(RoutingContext context, RouteDefinition route) {
        authenticate(context);
    }

    /** Goes on to the next handler with the verified claims ({@link VerifiedToken}), or answers 401 (503 without keys). */
    public void authenticate(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            context.response().putHeader(WWW_AUTHENTICATE, CHALLENGE);
            Problem.unauthorized("This operation needs a bearer token from the suite's identity provider (Authorization: Bearer ...)")
                    .send(context);
            return;
        }
        Future<JsonObject> verified = keys.verify(authorization.substring(SCHEME.length()).trim());
        Context requestContext = context.vertx().getOrCreateContext();
        // keys fetched for another request complete on its event loop: carry on on this request's own
        verified.onComplete(result -> requestContext.runOnContext(ignored -> carryOn(context, result)));
    }

    private static void carryOn(RoutingContext context, AsyncResult<JsonObject> result) {
        if (result.succeeded()) {
            VerifiedToken.put(context, result.result());
            context.next();
        } else if (result.cause() instanceof ProviderKeys.KeysUnavailable) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, KEYS_RETRY_AFTER);
            Problem.identityProviderUnavailable().send(context);
        } else {
            LOG.debugf("Token refused on %s: %s", context.normalizedPath(), result.cause().getMessage());
            context.response().putHeader(WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            Problem.unauthorized("The bearer token was refused: it is not one the suite's identity provider issued for "
                    + "this API, or it is expired or not yet valid").send(context);
        }
    }
}
