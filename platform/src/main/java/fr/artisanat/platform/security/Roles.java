package fr.artisanat.platform.security;

/** The realm roles of the identity provider (infra/keycloak/partnerships-realm.json), as tokens carry them. */
public final class Roles {

    /** Everything, everywhere; acts for no partner. */
    public static final String ADMIN = "admin";
    public static final String CHAMBER_STAFF = "chamber-staff";
    public static final String AUTHORITY_STAFF = "authority-staff";
    /** A partner's IT system, authenticated by client credentials. */
    public static final String PARTNER_SYSTEM = "partner-system";

    private Roles() {
    }
}
