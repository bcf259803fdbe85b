package fr.artisanat.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of the request being served, from its verified bearer token: its id (the token's
 * {@code sub}, the actor kept in history and events, never a name or an e-mail), its realm roles and the partner it
 * acts for, if any. A request-scoped bean ({@link CallerProducer}): a resource injects it and passes it to the use
 * cases and queries, which apply the caller's scope where they read; they never see HTTP or token types.
 */
public class Caller {

    private final String id;
    private final Set<String> roles;
    private final Partner partner;

    public Caller(String id, Set<String> roles, Optional<Partner> partner) {
        this.id = id;
        this.roles = Set.copyOf(roles);
        this.partner = partner.orElse(null);
    }

    /** For the request-scoped bean's client proxy only. */
    protected Caller() {
        this(null, Set.of(), Optional.empty());
    }

    public String id() {
        return id;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<Partner> partner() {
        return Optional.ofNullable(partner);
    }

    @Override
    public String toString() {
        return "Caller[" + id + ", roles " + roles + (partner == null ? "" : ", " + partner) + "]";
    }
}
