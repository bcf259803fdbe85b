package fr.artisanat.registry.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.artisanat.registry.domain.ImportJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Import jobs as the importer records them, and the lines each one rejected. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** One line of the file an import refused: its line number, the SIRET when it had one, and why. */
    public record Rejection(long line, String siret, String reason) {
    }

    /** The rejected lines of a job after {@code afterLine}, in line order, at most {@code limit}. */
    @SuppressWarnings("unchecked") // a native query of several columns gives Object[] rows
    public List<Rejection> rejections(UUID jobId, long afterLine, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select line_number, siret, reason from import_rejection where job_id = :id and line_number > :after
                order by line_number limit :limit""").setParameter("id", jobId).setParameter("after", afterLine)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Rejection(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }
}
