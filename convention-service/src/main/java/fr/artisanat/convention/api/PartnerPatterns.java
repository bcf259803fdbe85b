package fr.artisanat.convention.api;

/**
 * Formats of the identifiers partners are known by. Anchored, because an OpenAPI (JSON Schema) pattern matches
 * anywhere in the value while Bean Validation matches the whole value: the document must say the same as the check.
 */
final class PartnerPatterns {

    static final String SIREN = "^\\d{9}$";
    static final String INSEE_COMMUNE = "^[0-9][0-9AB][0-9]{3}$";

    private PartnerPatterns() {
    }
}
