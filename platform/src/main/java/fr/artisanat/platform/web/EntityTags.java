package fr.artisanat.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import fr.artisanat.platform.problem.ApiException;

/** Optimistic concurrency over HTTP: the ETag is the entity version; updates must quote it in If-Match. */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The response with the ETag of the version it carries. */
    public static Response tagged(Response.ResponseBuilder response, long version) {
        return response.header(HttpHeaders.ETAG, of(version)).build();
    }

    /** For updates: 428 when If-Match is missing, 412 when it does not name the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the version you read");
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** For actions where If-Match is optional: checked only when present. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals(of(currentVersion))) {
                return;
            }
        }
        throw new ApiException(412, "precondition-failed", "Precondition failed",
                "The resource changed since you read it: its ETag is now " + of(currentVersion));
    }
}
