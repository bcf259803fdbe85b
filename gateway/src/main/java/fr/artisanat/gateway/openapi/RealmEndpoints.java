package fr.artisanat.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OAuth 2.0 URLs of the merged document's security schemes are those of the realm the gateway trusts, as browsers
 * reach it (its issuer: {@code OIDC_ISSUER}), whatever the services' own documents say (the demo realm of
 * {@code ./suite run}): Swagger UI sends people there to log in and fetches their token there, so under
 * {@code ./suite test} or docker-compose it must be the Keycloak of that environment.
 */
final class RealmEndpoints {

    /** Keycloak's OpenID Connect endpoints, under the realm's URL. */
    private static final String AUTHORIZATION_PATH = "/protocol/openid-connect/auth";
    private static final String TOKEN_PATH = "/protocol/openid-connect/token";

    private RealmEndpoints() {
    }

    static void point(ObjectNode document, String realmUrl) {
        for (JsonNode scheme : document.path("components").path("securitySchemes")) {
            for (JsonNode flow : scheme.path("flows")) {
                ObjectNode urls = (ObjectNode) flow;
                if (urls.has("authorizationUrl")) {
                    urls.put("authorizationUrl", realmUrl + AUTHORIZATION_PATH);
                }
                urls.put("tokenUrl", realmUrl + TOKEN_PATH);
                if (urls.has("refreshUrl")) {
                    urls.put("refreshUrl", realmUrl + TOKEN_PATH);
                }
            }
        }
    }
}
