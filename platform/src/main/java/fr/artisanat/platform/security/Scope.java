package fr.artisanat.platform.security;

import io.quarkus.security.ForbiddenException;

/**
 * What a caller may see and change, decided the same way in every service (docs/adr/0017): an admin everything, a
 * caller acting for a partner what belongs to that partner, any other caller nothing. Each service says what belongs
 * to a partner, in the {@code where} of its repository queries; an object outside the scope is answered as missing
 * (404), and what the caller's roles do not allow is refused with 403 ({@link #requireAdmin}).
 */
public sealed interface Scope {

    /** An admin's: everything. */
    record Everything() implements Scope {
    }

    /** A caller who is no admin and acts for no partner: nothing. */
    record Nothing() implements Scope {
    }

    /** What belongs to this partner, for its staff and its system alike. */
    record OfPartner(Partner partner) implements Scope {
    }

    static Scope of(Caller caller) {
        if (caller.hasRole(Roles.ADMIN)) {
            return new Everything();
        }
        return caller.partner().<Scope>map(OfPartner::new).orElseGet(Nothing::new);
    }

    /** Refuses (403) a caller who is not an admin: for what only administrators do, e.g. change reference data. */
    static void requireAdmin(Caller caller, String action) {
        if (!caller.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException("Only an administrator may " + action);
        }
    }
}
