package fr.artisanat.registry;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the registry's projection of the conventions topic holds, read (and emptied) by the tests. */
@ApplicationScoped
public class ProjectionTables {

    /** Each table of the projection with its columns in a stable order, as the dump shows them. */
    private static final List<String> TABLES = List.of(
            "select id, reference, status, start_date, end_date, terminated_on, version from known_convention order by id",
            "select convention_id, partner_id, partner_type, name, siren, transferred_from_id from known_convention_party order by 1, 2",
            "select convention_id, provider_id from registry_data_clause order by 1, 2",
            "select id, name, level, region, parent_id, as_of from known_chamber order by id");

    @Inject
    EntityManager em;

    /** The version held for the convention, or -1. */
    public long version(UUID conventionId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select version from known_convention where id = :id").setParameter("id", conventionId)
                .getResultList().stream().mapToLong(v -> ((Number) v).longValue()).findFirst().orElse(-1));
    }

    /** Waits until the consumer applied the convention at this version (the relay and consumer take a moment). */
    public void awaitVersion(UUID conventionId, long version) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> version(conventionId) == version);
    }

    /**
     * The transaction that last wrote the convention's row: unchanged means that nothing rewrote it, not even with
     * the same values.
     */
    public String lastWriter(UUID conventionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select xmin::text from known_convention where id = :id").setParameter("id", conventionId)
                .getSingleResult());
    }

    /** One of the convention's columns, as text. */
    public String column(UUID conventionId, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select " + column + "::text from known_convention where id = :id")
                .setParameter("id", conventionId).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public List<String> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((List<Object>) query.getResultList()).stream().map(ProjectionTables::text).toList();
        });
    }

    /** Every row of every table of the projection, as text. */
    public String dump() {
        return TABLES.stream().map(sql -> sql + "\n" + String.join("\n", rows(sql))).collect(Collectors.joining("\n\n"));
    }

    /** Empties the projection and forgets which events the consumer applied: as before its first event. */
    public void empty(String consumer) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("truncate known_convention, known_convention_party, registry_data_clause, known_chamber")
                    .executeUpdate();
            em.createNativeQuery("delete from processed_event where consumer = :consumer").setParameter("consumer", consumer)
                    .executeUpdate();
        });
    }

    private static String text(Object row) {
        return row instanceof Object[] columns
                ? java.util.Arrays.stream(columns).map(String::valueOf).collect(Collectors.joining(" | "))
                : String.valueOf(row);
    }
}
