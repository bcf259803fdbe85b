package fr.artisanat.gateway.routing;

import java.time.Duration;
import java.util.List;

/** One configured route: its name (for logs and metrics), path prefixes, upstream and limits. */
public record RouteDefinition(String name, List<String> paths, String upstream, Duration timeout, long maxBodySize) {
}
