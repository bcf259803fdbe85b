package fr.artisanat.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

import fr.artisanat.gateway.config.GatewayConfig;
import fr.artisanat.gateway.problem.Problem;
import fr.artisanat.gateway.proxy.Upstream;
import fr.artisanat.gateway.proxy.Upstreams;
import fr.artisanat.gateway.routing.RouteTable;

/**
 * The suite's one OpenAPI document at the gateway's {@code /q/openapi} (YAML; JSON with {@code ?format=json}), which
 * its Swagger UI shows: merged ({@link DocumentMerge}) from the documents the services serve, read once all of them
 * answered, with what the gateway itself adds to every operation ({@link EdgeResponses}). Committed as
 * docs/openapi/partnerships-api.yaml; a test fails when the served one drifts from it.
 */
@ApplicationScoped
public class SuiteApiDocument {

    private static final long FETCH_TIMEOUT_MS = 10_000;

    private final Upstreams upstreams;
    private final RouteTable routes;
    private final String serverUrl;
    private final AtomicReference<ObjectNode> merged = new AtomicReference<>();

    SuiteApiDocument(Upstreams upstreams, RouteTable routes, GatewayConfig config) {
        this.upstreams = upstreams;
        this.routes = routes;
        this.serverUrl = config.openapi().serverUrl();
    }

    public void serve(RoutingContext context) {
        boolean json = "json".equalsIgnoreCase(context.request().getParam("format"));
        document().onSuccess(document -> {
            try {
                context.response().putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                        .end(json ? DocumentFormats.json(document) : DocumentFormats.yaml(document));
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        }).onFailure(failure -> new Problem(503, "upstream-unavailable", "Service unavailable",
                "The API description needs every service's document: " + failure.getMessage()).send(context));
    }

    private Future<ObjectNode> document() {
        ObjectNode known = merged.get();
        if (known != null) {
            return Future.succeededFuture(known);
        }
        List<Upstream> all = new ArrayList<>();
        upstreams.all().forEach(all::add);
        List<Future<JsonNode>> documents = all.stream().map(SuiteApiDocument::fetch).toList();
        return Future.all(documents).map(done -> {
            List<DocumentMerge.ServiceDocument> services = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                services.add(new DocumentMerge.ServiceDocument(all.get(i).name(), documents.get(i).result(), routes::routes));
            }
            ObjectNode document = DocumentMerge.merge(info(), serverUrl, services);
            EdgeResponses.document(document);
            merged.set(document);
            return document;
        });
    }

    private static Future<JsonNode> fetch(Upstream upstream) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setServer(upstream.address())
                .setURI(upstream.config().openapiPath() + "?format=json").setTimeout(FETCH_TIMEOUT_MS);
        return upstream.client().request(request)
                .compose(r -> r.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(upstream.name() + " answered " + response.statusCode()))
                .map(body -> {
                    try {
                        return DocumentFormats.JSON.readTree(body.getBytes());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(upstream.name() + " served an unreadable OpenAPI document", e);
                    }
                });
    }

    private static ObjectNode info() {
        return JsonNodeFactory.instance.objectNode()
                .put("title", "Craft partnerships suite API")
                .put("version", "1.0.0")
                .put("description", "The partnerships between intercommunal authorities (EPCI) and chambers of trades and "
                        + "crafts (CMA), at one address: conventions and their partners (convention-service), the registry of "
                        + "craft establishments fed from SIRENE (enterprise-registry-service). Errors are RFC 9457 "
                        + "problem+json, from the services and from the gateway itself (429 with Retry-After when the "
                        + "caller's rate limit is used up, 503 with Retry-After when a service cannot be reached, 504 when "
                        + "it does not answer in time, 413 above a route's body limit). Every operation needs an OAuth 2.0 "
                        + "bearer token of the suite's realm; the OpenAPI document and Swagger UI are public.")
                .set("contact", JsonNodeFactory.instance.objectNode().put("name", "Craft partnerships suite team"));
    }
}
