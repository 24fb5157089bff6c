package dev.commerce.catalog.persistence;

import dev.commerce.catalog.domain.ImportFailure;
import dev.commerce.catalog.domain.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import jobs, their uploaded lines and the lines that failed. */
@ApplicationScoped
public class ImportRepository {

    /** A line of an upload, numbered from 1. */
    public record Line(int number, String content) {
    }

    private final EntityManager entityManager;

    public ImportRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(ImportJob job, List<String> lines) {
        entityManager.persist(job);
        entityManager.flush();
        for (int i = 0; i < lines.size(); i++) {
            entityManager.createNativeQuery("INSERT INTO import_line (job_id, line_no, content) VALUES (?1, ?2, ?3)")
                    .setParameter(1, job.id()).setParameter(2, i + 1).setParameter(3, lines.get(i)).executeUpdate();
        }
    }

    public Optional<ImportJob> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(ImportJob.class, id));
    }

    /** The job locked for this transaction, or empty when another instance is working on it right now. */
    @SuppressWarnings("unchecked")
    public Optional<ImportJob> lockUnlessBusy(UUID id) {
        List<UUID> ids = entityManager.createNativeQuery("SELECT id FROM import_job WHERE id = ?1 FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, id).getResultList();
        return ids.stream().findFirst().map(found -> {
            entityManager.refresh(entityManager.find(ImportJob.class, found));
            return entityManager.find(ImportJob.class, found);
        });
    }

    public List<UUID> unfinished() {
        return entityManager.createQuery("""
                        SELECT j.id FROM ImportJob j WHERE j.status <> dev.commerce.catalog.domain.ImportJob.Status.COMPLETED
                        ORDER BY j.createdAt""", UUID.class).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Line> lines(UUID jobId, int after, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT line_no, content FROM import_line WHERE job_id = ?1 AND line_no > ?2 ORDER BY line_no LIMIT ?3""")
                .setParameter(1, jobId).setParameter(2, after).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new Line(((Number) row[0]).intValue(), (String) row[1])).toList();
    }

    public void addFailure(UUID jobId, int line, String errors) {
        entityManager.createNativeQuery("""
                        INSERT INTO import_failure (job_id, line_no, errors) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, jobId).setParameter(2, line)
                .setParameter(3, errors.length() > 4000 ? errors.substring(0, 4000) : errors).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ImportFailure> failures(UUID jobId, int afterLine, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT line_no, errors FROM import_failure WHERE job_id = ?1 AND line_no > ?2 ORDER BY line_no LIMIT ?3""")
                .setParameter(1, jobId).setParameter(2, afterLine).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> new ImportFailure(((Number) row[0]).intValue(), (String) row[1])).toList();
    }
}
