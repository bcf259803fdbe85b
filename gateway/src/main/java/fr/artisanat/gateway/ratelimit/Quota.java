package fr.artisanat.gateway.ratelimit;

/**
 * Who a request counts against ({@code client:<azp>|caller:<sub>} or {@code address:<ip>}) and under which policy. The bucket's
 * key holds the policy's figures too: a caller whose policy changes (another role, new configuration) starts a bucket
 * of its own, never one with another capacity, and the instances that share a configuration share the bucket.
 */
public record Quota(String subject, Policy policy) {

    String bucketKey() {
        return subject + "|" + policy.name() + "|" + policy.requests() + "/" + policy.per().toSeconds() + "s";
    }
}
