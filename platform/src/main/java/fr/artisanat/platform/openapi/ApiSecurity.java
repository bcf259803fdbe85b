package fr.artisanat.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every served document says about access: the OAuth 2.0 schemes of the suite's Keycloak realm, required by
 * every operation (the OpenAPI document, health and Swagger UI are public, and none of them is an operation of the
 * document), and the server: the service itself, relative to where its document is read, internal (partners use the
 * gateway's document). The realm's URLs are those of the demo realm of
 * {@code ./suite run}; a deployment's realm has the same paths at its own address.
 */
final class ApiSecurity {

    static final String CLIENT_CREDENTIALS = "oauth2ClientCredentials";
    static final String AUTHORIZATION_CODE = "oauth2AuthorizationCode";
    static final String DEMO_REALM = "http://localhost:18180/realms/partnerships";
    private static final String TOKEN_URL = DEMO_REALM + "/protocol/openid-connect/token";
    private static final String AUTHORIZATION_URL = DEMO_REALM + "/protocol/openid-connect/auth";
    private static final String TOKEN_CHECKS = " The access token is a JWT signed by the realm's keys and checked as RFC8725"
            + " (JSON Web Token best current practices) asks, by the gateway and again by the service: asymmetric"
            + " signatures only (never `none`, never HMAC), issuer, audience `partnerships-api`, expiry and not-before."
            + " Tokens are short-lived: a new one comes from the token URL (authorization code: with the refresh token).";

    private ApiSecurity() {
    }

    static void document(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSecurityScheme(CLIENT_CREDENTIALS, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Partner IT systems: the OAuth 2.0 client credentials grant of a confidential client"
                                + " of the suite's Keycloak realm `partnerships` (shown: the demo realm of ./suite run,"
                                + " whose clients the README lists)." + TOKEN_CHECKS)
                        .flows(OASFactory.createOAuthFlows().clientCredentials(flow(null))))
                .addSecurityScheme(AUTHORIZATION_CODE, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("People, through a frontend or Swagger UI: the OAuth 2.0 authorization code grant"
                                + " with PKCE (S256) of the public client `partnerships-web` of the suite's Keycloak realm"
                                + " `partnerships` (shown: the demo realm of ./suite run, whose demo users the README"
                                + " lists)." + TOKEN_CHECKS)
                        .flows(OASFactory.createOAuthFlows().authorizationCode(flow(AUTHORIZATION_URL))));
        openAPI.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme(CLIENT_CREDENTIALS),
                OASFactory.createSecurityRequirement().addScheme(AUTHORIZATION_CODE)));
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("This service itself, where the document is read: for the gateway and operators on the internal"
                        + " network (local: loopback under ./suite run; production: the internal network); partners and"
                        + " frontends use the gateway")
                .addExtension("x-internal", Boolean.TRUE)));
    }

    private static OAuthFlow flow(String authorizationUrl) {
        return OASFactory.createOAuthFlow().authorizationUrl(authorizationUrl).tokenUrl(TOKEN_URL).refreshUrl(TOKEN_URL)
                .scopes(new LinkedHashMap<>());
    }
}
