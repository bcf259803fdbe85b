package fr.artisanat.registry.domain;

import java.util.UUID;

/**
 * A chamber of trades and crafts as the registry knows it from the convention events it is a party to: its level in
 * the CMA network (LOCAL_LAW for the chambers of Alsace and Moselle), its region by name and its parent chamber.
 */
public record KnownChamber(UUID id, String name, String level, String region, UUID parentId) {

    public boolean isOfLocalLaw() {
        return "LOCAL_LAW".equals(level);
    }
}
