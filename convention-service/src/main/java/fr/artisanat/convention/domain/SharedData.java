package fr.artisanat.convention.domain;

/**
 * What a line of the data-exchange clause shares, in a form the suite acts on: the registry lets an authority read a
 * chamber's classification of the establishments of its territory only while an active convention has a
 * {@link #CRAFT_REGISTRY} line provided by that chamber (docs/data-sharing.md).
 */
public enum SharedData {

    /**
     * The chamber's craft-registry data (répertoire des métiers, now within the RNE) on each craft establishment of
     * the territory, its classification included. Only a chamber holds it.
     */
    CRAFT_REGISTRY,

    /** Aggregate figures on the territory's craft businesses, nothing per establishment. */
    CRAFT_STATISTICS,

    /** Anything else: economic or land information, a programme of events… */
    OTHER;

    /** Craft-registry data comes from a chamber; the other kinds from any party. */
    public boolean providableBy(PartnerType provider) {
        return this != CRAFT_REGISTRY || provider == PartnerType.CHAMBER;
    }
}
