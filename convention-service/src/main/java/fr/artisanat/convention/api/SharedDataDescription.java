package fr.artisanat.convention.api;

/** What the category of a data-exchange line means, the same in requests and responses of the OpenAPI document. */
final class SharedDataDescription {

    static final String TEXT = "What the line shares, in a form the suite acts on. CRAFT_REGISTRY: the chamber's "
            + "craft-registry data on each craft establishment of the territory, its classification included (only a "
            + "chamber provides it; while the convention is active, the authorities that are parties read the chamber's "
            + "classifications of their territory in the registry). CRAFT_STATISTICS: aggregate figures on the "
            + "territory's craft businesses, nothing per establishment. OTHER: anything else.";

    private SharedDataDescription() {
    }
}
