package dev.commerce.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A bulk import of products: its lines are applied one by one, each whole or not at all. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    /** Where a job is. */
    public enum Status { QUEUED, RUNNING, COMPLETED }

    /** How the uploaded lines are written. */
    public enum Format { JSONL, CSV }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Format format;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int total;
    private int processed;
    private int succeeded;
    private int failed;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Version
    private long version;

    protected ImportJob() {
        // for Hibernate
    }

    public ImportJob(Format format, int total, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.format = format;
        this.status = Status.QUEUED;
        this.total = total;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void started(Instant now) {
        if (status == Status.QUEUED) {
            status = Status.RUNNING;
            startedAt = now;
        }
    }

    /** Counts lines done since the last progress report. */
    public void progressed(int succeededLines, int failedLines) {
        succeeded += succeededLines;
        failed += failedLines;
        processed = succeeded + failed;
    }

    public void completed(Instant now) {
        status = Status.COMPLETED;
        finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public Format format() {
        return format;
    }

    public Status status() {
        return status;
    }

    public int total() {
        return total;
    }

    public int processed() {
        return processed;
    }

    public int succeeded() {
        return succeeded;
    }

    public int failed() {
        return failed;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long version() {
        return version;
    }
}
