package fr.artisanat.gateway.ratelimit;

import java.time.Duration;

/**
 * A rate limit: so many requests per period, as a token bucket of that capacity refilled smoothly. Its name says
 * which configuration entry it is ({@code anonymous}, {@code authenticated}, {@code role:<role>},
 * {@code client:<client>}), in the {@code RateLimit-Policy} header and the metrics.
 */
public record Policy(String name, long requests, Duration per) {

    public Policy {
        if (requests < 1 || per.toSeconds() < 1) {
            throw new IllegalStateException("Rate limit " + name + ": at least 1 request per at least 1s, not "
                    + requests + " per " + per);
        }
    }

    /** Requests per second, to compare policies. */
    double rate() {
        return requests / (per.toNanos() / 1e9);
    }

    /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers-09): its quota {@code q} per window {@code w} in seconds. */
    String header() {
        return "\"" + name + "\";q=" + requests + ";w=" + per.toSeconds();
    }

    /** The {@code RateLimit} field of this policy: {@code r} requests remaining, full again in {@code t} seconds. */
    String state(long remaining, long secondsToFull) {
        return "\"" + name + "\";r=" + remaining + ";t=" + secondsToFull;
    }
}
