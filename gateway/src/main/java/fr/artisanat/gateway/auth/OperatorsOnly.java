package fr.artisanat.gateway.auth;

import java.util.List;

import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.problem.Problem;

/**
 * The gateway's own paths that only operators read, its metrics: the gateway is the public entry point, so they need
 * an admin's token, where each service's metrics stay on the operators' network (docs/adr/0014). Health, the OpenAPI
 * document and Swagger UI stay public.
 */
public final class OperatorsOnly {

    public static final String PATHS = "/q/metrics(/.*)?";
    static final String ROLE = "admin";

    private OperatorsOnly() {
    }

    /** After {@link BearerAuthentication#authenticate}: an admin goes on, anyone else gets 403. */
    public static void authorize(RoutingContext context) {
        boolean admin = VerifiedToken.of(context).map(VerifiedToken::roles).orElseGet(List::of).contains(ROLE);
        if (admin) {
            context.next();
        } else {
            Problem.forbidden("Only operators (role " + ROLE + ") read the gateway's metrics").send(context);
        }
    }
}
