package fr.artisanat.platform.security;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partner a caller acts for, as its token names it (claims {@code partner_kind} and {@code partner_id}): an
 * authority by its SIREN, or a chamber by its id in convention-service.
 */
public record Partner(Kind kind, String id) {

    public enum Kind {
        AUTHORITY, CHAMBER;

        /** The value of the {@code partner_kind} claim. */
        public String claim() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern SIREN = Pattern.compile("[0-9]{9}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Partner {
        Pattern expected = kind == Kind.AUTHORITY ? SIREN : UUID;
        if (id == null || !expected.matcher(id).matches()) {
            throw new IllegalArgumentException("A partner of kind " + kind.claim() + " is named by "
                    + (kind == Kind.AUTHORITY ? "a SIREN of 9 digits" : "a chamber id (lower-case UUID)") + ", not " + id);
        }
    }

    /**
     * The partner the two claims name; empty when the token names none (an admin).
     *
     * @throws IllegalArgumentException when only one claim is there, or a value is not one a partner can have
     */
    public static Optional<Partner> fromClaims(String kind, String id) {
        if (kind == null && id == null) {
            return Optional.empty();
        }
        for (Kind candidate : Kind.values()) {
            if (candidate.claim().equals(kind)) {
                return Optional.of(new Partner(candidate, id));
            }
        }
        throw new IllegalArgumentException("partner_kind is " + kind + ", not authority or chamber");
    }
}
