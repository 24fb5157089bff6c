package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ImportFailure;
import dev.commerce.catalog.domain.ImportJob;
import dev.commerce.catalog.domain.ProductDraft;
import dev.commerce.catalog.persistence.ImportRepository;
import dev.commerce.platform.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Bulk imports as asynchronous jobs: the upload is stored with its job, then applied in chunks, each line in a
 * transaction of its own (whole or not at all; upsert by slug, so a line applied twice after a crash changes
 * nothing more). Failures are kept per line with their reasons. A job left unfinished by a stopped instance is
 * resumed by the next run of the resume job; two instances never work on one job at once (row lock, skip locked).
 */
@ApplicationScoped
public class ImportJobs {

    public static final int MAX_LINES = 10_000;
    private static final int CHUNK = 100;
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    /** Turns one uploaded line into a product draft, or throws with what is wrong. */
    public interface LineParser {
        ProductDraft parse(ImportJob.Format format, String header, String line);
    }

    /** Fired when a job is stored; observed after the commit, to start it. */
    public record Submitted(UUID jobId) {
    }

    private final ImportRepository imports;
    private final ProductCatalog catalog;
    private final LineParser parser;
    private final Event<Submitted> submitted;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "product-import");
        thread.setDaemon(true);
        return thread;
    });

    public ImportJobs(ImportRepository imports, ProductCatalog catalog, LineParser parser, Event<Submitted> submitted, Clock clock) {
        this.clock = clock;
        this.imports = imports;
        this.catalog = catalog;
        this.parser = parser;
        this.submitted = submitted;
    }

    /** Stores a job for the lines (a CSV upload's first line is its header, not counted). */
    @Transactional
    public ImportJob submit(ImportJob.Format format, List<String> lines, String admin) {
        int products = format == ImportJob.Format.CSV ? lines.size() - 1 : lines.size();
        if (products < 1) {
            throw ProblemException.badRequest("empty-import", "the upload has no product lines");
        }
        if (products > MAX_LINES) {
            throw ProblemException.badRequest("import-too-large", "an import has at most " + MAX_LINES + " products, this one "
                    + products);
        }
        ImportJob job = new ImportJob(format, products, admin, Instant.now(clock));
        imports.add(job, lines);
        submitted.fire(new Submitted(job.id()));
        LOG.infof("Import %s queued: %d %s line(s) by %s", job.id(), products, format, admin);
        return job;
    }

    @Transactional
    public ImportJob get(UUID id) {
        return imports.byId(id).orElseThrow(() -> ProblemException.notFound("import", id));
    }

    @Transactional
    public List<ImportFailure> failures(UUID id, int afterLine, int limit) {
        get(id);
        return imports.failures(id, afterLine, limit);
    }

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) Submitted job) {
        worker.submit(() -> run(job.jobId()));
    }

    /** Picks up jobs an instance left unfinished (it stopped, or crashed, while working on them). */
    @Scheduled(every = "${commerce.catalog.import.resume-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        List<UUID> unfinished = QuarkusTransaction.requiringNew().call(imports::unfinished);
        unfinished.forEach(id -> worker.submit(() -> run(id)));
    }

    private void run(UUID jobId) {
        try {
            while (QuarkusTransaction.requiringNew().call(() -> applyChunk(jobId))) {
                // one chunk per transaction, so progress is visible while the job runs
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s stopped; the resume job continues it", jobId);
        }
    }

    /** Applies the next chunk of lines; false when the job is done or another instance holds it. */
    private boolean applyChunk(UUID jobId) {
        ImportJob job = imports.lockUnlessBusy(jobId).orElse(null);
        if (job == null || job.status() == ImportJob.Status.COMPLETED) {
            return false;
        }
        job.started(Instant.now(clock));
        String header = job.format() == ImportJob.Format.CSV ? imports.lines(jobId, 0, 1).get(0).content() : null;
        int offset = job.format() == ImportJob.Format.CSV ? 1 : 0;
        List<ImportRepository.Line> lines = imports.lines(jobId, job.processed() + offset, CHUNK);
        if (lines.isEmpty()) {
            job.completed(Instant.now(clock));
            LOG.infof("Import %s completed: %d applied, %d failed", jobId, job.succeeded(), job.failed());
            return false;
        }
        int succeeded = 0;
        int failed = 0;
        for (ImportRepository.Line line : lines) {
            int number = line.number() - offset;
            try {
                catalog.importLine(parser.parse(job.format(), header, line.content()));
                succeeded++;
            } catch (RuntimeException e) {
                imports.addFailure(jobId, number, describe(e));
                failed++;
            }
        }
        job.progressed(succeeded, failed);
        return true;
    }

    /** What went wrong with a line, as an admin reads it in the report. */
    static String describe(RuntimeException e) {
        if (e instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        }
        if (e instanceof ProblemException problem && problem.errors() != null) {
            return problem.errors().stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
