package fr.artisanat.registry.messaging.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.artisanat.platform.messaging.IncomingEvent;
import fr.artisanat.platform.messaging.PoisonEvent;
import fr.artisanat.registry.domain.KnownConvention;

/**
 * What the registry reads of an event of the {@code conventions} topic (contract:
 * docs/events/schemas/defs/convention.v1.schema.json); the other properties are ignored. Statuses and categories are
 * read as text: a value added to the contract later must not make an event unreadable.
 */
public record ConventionEvent(Convention convention) {

    public record Convention(UUID id, String reference, String status, List<Party> parties, LocalDate startDate,
            LocalDate endDate, LocalDate terminatedOn, List<DataExchange> dataExchanges, Long version, Instant updatedAt) {
    }

    public record Party(UUID partnerId, String partnerType, String name, String siren, String chamberLevel,
            String region, UUID parentChamberId, UUID transferredFromId) {
    }

    /** {@code category} is absent from the events published before it was added: such a line shares nothing here. */
    public record DataExchange(UUID providerId, String category) {
    }

    static final String CRAFT_REGISTRY = "CRAFT_REGISTRY";

    /** The convention as the projection keeps it; a {@link PoisonEvent} when the event lacks what it needs. */
    KnownConvention toKnownConvention(IncomingEvent event) {
        Convention c = convention;
        if (c == null || c.id() == null || c.reference() == null || c.status() == null || c.startDate() == null
                || c.endDate() == null || c.version() == null || c.updatedAt() == null || c.parties() == null
                || c.parties().stream().anyMatch(p -> p == null || p.partnerId() == null || p.partnerType() == null)) {
            throw new PoisonEvent("Event " + event.id() + " (" + event.type() + ") lacks the convention's id, reference, "
                    + "status, term, version, time of change or parties");
        }
        if (event.subject() != null && !event.subject().equals(c.id().toString())) {
            throw new PoisonEvent("Event " + event.id() + " is about convention " + event.subject() + " but carries " + c.id());
        }
        Set<UUID> registryDataProviders = c.dataExchanges() == null ? Set.of() : c.dataExchanges().stream()
                .filter(Objects::nonNull).filter(line -> CRAFT_REGISTRY.equals(line.category()))
                .map(DataExchange::providerId).filter(Objects::nonNull).collect(Collectors.toSet());
        return new KnownConvention(c.id(), c.reference(), c.status(), c.startDate(), c.endDate(), c.terminatedOn(),
                c.version(), c.updatedAt(),
                c.parties().stream().map(p -> new KnownConvention.Party(p.partnerId(), p.partnerType(),
                        p.name() == null ? "" : p.name(), p.siren(), p.chamberLevel(), p.region(), p.parentChamberId(),
                        p.transferredFromId())).toList(),
                registryDataProviders);
    }
}
