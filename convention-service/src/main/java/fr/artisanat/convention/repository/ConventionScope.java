package fr.artisanat.convention.repository;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The conventions a caller may see (docs/adr/0017): those with a party among {@code partnerIds} (an authority, or a
 * chamber and its parent chamber), or every one for an admin; and the partners it acts for, whose parties it may
 * draft for and whose signatories' signatures it may record (the authority, or the chamber itself). Made by
 * {@link ConventionRepository#scopeOf}, and written into the {@code where} of each of its queries.
 */
public final class ConventionScope {

    static final ConventionScope EVERYTHING = new ConventionScope(null, null);

    /** Null for everything. */
    private final Set<UUID> partnerIds;
    /** Null for every partner. */
    private final Set<UUID> ownIds;

    private ConventionScope(Set<UUID> partnerIds, Set<UUID> ownIds) {
        this.partnerIds = partnerIds;
        this.ownIds = ownIds;
    }

    /** Conventions with a party among {@code partnerIds}; acting for {@code ownIds}, a part of them. */
    static ConventionScope ofPartners(Collection<UUID> partnerIds, Collection<UUID> ownIds) {
        return new ConventionScope(Set.copyOf(partnerIds), Set.copyOf(ownIds));
    }

    /** Whether the caller acts for this partner: it may draft a convention with it as a party, sign for it. */
    public boolean actsFor(UUID partnerId) {
        return ownIds == null || ownIds.contains(partnerId);
    }

    /** The JPQL condition on the convention aliased {@code alias}, its parameters added to {@code params}. */
    String jpql(String alias, Map<String, Object> params) {
        if (partnerIds == null) {
            return "1 = 1";
        }
        if (partnerIds.isEmpty()) {
            return "1 = 0";
        }
        params.put("scopePartners", partnerIds);
        return "exists (select 1 from ConventionParty sp where sp.convention = " + alias + " and sp.partnerId in :scopePartners)";
    }

    /** The SQL condition on the table {@code convention} aliased {@code alias}, with positional parameters. */
    String sql(String alias) {
        if (partnerIds == null) {
            return "1 = 1";
        }
        if (partnerIds.isEmpty()) {
            return "1 = 0";
        }
        return "exists (select 1 from convention_party sp where sp.convention_id = " + alias + ".id and sp.partner_id in ("
                + String.join(", ", Collections.nCopies(partnerIds.size(), "?")) + "))";
    }

    /** The values of the placeholders of {@link #sql}. */
    List<Object> sqlParams() {
        return partnerIds == null ? List.of() : List.copyOf(partnerIds);
    }
}
