package fr.artisanat.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.failure.InvalidCommand;
import fr.artisanat.platform.problem.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs inside the method's transaction (its priority is after {@code @Transactional}'s), so the stored response
 * commits or rolls back with the write it describes.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;
    /** Visible ASCII: what every HTTP client and proxy carries unchanged in a header (a UUID, a hash, a job id…). */
    public static final String KEY_PATTERN = "^[!-~]+$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        RoutingContext http = currentRequest.getCurrent();
        String key = http == null ? null : http.request().getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw InvalidCommand.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        IdempotencyRecordId id = new IdempotencyRecordId(http.request().method() + " " + http.normalizedPath(), key);
        String requestHash = hash(invocation.getParameters());
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, id);
        if (previous != null) {
            if (!previous.requestHash.equals(requestHash)) {
                throw new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was already used for a different request body");
            }
            return replay(previous);
        }
        Response response = (Response) invocation.proceed();
        store(id, requestHash, response);
        return response;
    }

    private void store(IdempotencyRecordId id, String requestHash, Response response) throws JsonProcessingException {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = id;
        record.requestHash = requestHash;
        record.status = response.getStatus();
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
        record.body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
        record.createdAt = Instant.now();
        em.persist(record);
        // A concurrent first use of the same key fails here, before the caller's write commits.
        em.flush();
    }

    private static Response replay(IdempotencyRecord previous) {
        Response.ResponseBuilder response = Response.status(previous.status).header(REPLAYED_HEADER, "true");
        if (previous.location != null) {
            response.header(HttpHeaders.LOCATION, previous.location);
        }
        if (previous.etag != null) {
            response.header(HttpHeaders.ETAG, previous.etag);
        }
        if (previous.body != null) {
            response.entity(previous.body).type("application/json");
        }
        return response.build();
    }

    /** The request as the method saw it: body and path parameters, without injected framework objects. */
    private String hash(Object[] parameters) throws JsonProcessingException, NoSuchAlgorithmException {
        Object[] requestValues = Arrays.stream(parameters)
                .filter(p -> p == null || !(p.getClass().getName().startsWith("jakarta.ws.rs")
                        || p.getClass().getName().startsWith("org.jboss.resteasy")
                        || p.getClass().getName().startsWith("io.vertx")))
                .toArray();
        byte[] canonical = json.writeValueAsString(requestValues).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    }
}
