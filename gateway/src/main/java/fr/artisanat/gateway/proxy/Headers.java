package fr.artisanat.gateway.proxy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.MultiMap;

/**
 * What of the headers crosses the gateway. End-to-end headers (ETag, If-Match, Idempotency-Key, Retry-After,
 * Content-Disposition, traceparent...) pass as they are; hop-by-hop headers (RFC 9110 section 7.6.1: the fixed list and
 * any header that {@code Connection} names) stop at the gateway in both directions; an absolute URL to the upstream in
 * Location, Content-Location or Link becomes the same URL at the gateway.
 */
final class Headers {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade"));
    private static final List<String> URL_HEADERS = List.of("Location", "Content-Location", "Link");

    private Headers() {
    }

    /** Removes the hop-by-hop headers, including those the Connection header lists. */
    static void dropHopByHop(MultiMap headers) {
        Set<String> drop = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        drop.addAll(HOP_BY_HOP);
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                if (!token.isBlank()) {
                    drop.add(token.trim());
                }
            }
        }
        drop.forEach(headers::remove);
    }

    /** Rewrites absolute URLs that point at the upstream ({@code http://host:port}) to the gateway's origin. */
    static void rewriteUrls(MultiMap headers, String upstreamOrigin, String gatewayOrigin) {
        for (String name : URL_HEADERS) {
            List<String> values = headers.getAll(name);
            if (values.stream().anyMatch(value -> value.contains(upstreamOrigin))) {
                headers.remove(name);
                values.forEach(value -> headers.add(name, value.replace(upstreamOrigin, gatewayOrigin)));
            }
        }
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
