package fr.artisanat.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Makes the {@link Caller} of a request from the identity quarkus-oidc verified (signature, issuer, audience,
 * validity period: docs/adr/0014). Roles come from {@code realm_access.roles}, the partner from the claims
 * {@code partner_kind} and {@code partner_id}: a token whose partner claims name no valid partner is refused (403),
 * never read as a caller without a partner.
 */
@ApplicationScoped
public class CallerProducer {

    public static final String PARTNER_KIND_CLAIM = "partner_kind";
    public static final String PARTNER_ID_CLAIM = "partner_id";

    @Inject
    SecurityIdentity identity;

    @Produces
    @RequestScoped
    Caller caller() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        Optional<Partner> partner;
        try {
            partner = Partner.fromClaims(text(token, PARTNER_KIND_CLAIM), text(token, PARTNER_ID_CLAIM));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("The token's partner claims name no partner of the suite: " + e.getMessage());
        }
        return new Caller(token.getSubject(), identity.getRoles(), partner);
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }
}
