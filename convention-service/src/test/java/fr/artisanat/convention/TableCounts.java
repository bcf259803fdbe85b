package fr.artisanat.convention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Row counts of every table a request can write, to prove that a rejected request wrote nothing. */
@ApplicationScoped
public class TableCounts {

    private static final List<String> TABLES = List.of("authority", "authority_commune", "chamber", "convention",
            "convention_party", "signatory", "funding_commitment", "amendment", "convention_history", "outbox_event",
            "idempotency_record");

    @Inject
    EntityManager em;

    public Map<String, Long> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
            }
            return counts;
        });
    }
}
