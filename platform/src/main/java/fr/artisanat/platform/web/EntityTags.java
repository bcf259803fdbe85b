package fr.artisanat.platform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import fr.artisanat.platform.failure.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: the ETag is the entity version; updates quote it in If-Match, which the resource
 * hands to the use case as the {@link ExpectedVersion} (412 when stale, 428 when required and missing).
 */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";

    /** A strong or weak ETag this API writes: a version, quoted. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(0|[1-9]\\d{0,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The response with the ETag of the version it carries. */
    public static Response tagged(Response.ResponseBuilder response, long version) {
        return response.header(HttpHeaders.ETAG, of(version)).build();
    }

    /**
     * What an If-Match header asks of a change: nothing when absent, any version for {@code *}, else one of the
     * versions its ETags (strong or weak, comma-separated) name; a tag this API never wrote names none.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.unstated();
        }
        if (ifMatch.trim().equals("*")) {
            return ExpectedVersion.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            Matcher version = VERSION_TAG.matcher(tag.trim());
            try {
                if (version.matches()) {
                    versions.add(Long.parseLong(version.group(1)));
                }
            } catch (NumberFormatException beyondLong) {
                // 19 digits above Long.MAX_VALUE: no version this API wrote
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
