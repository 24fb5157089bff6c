-- Bulk imports: the uploaded lines are kept with the job, so a job survives a restart and resumes where it was.
CREATE TABLE import_job (
    id          UUID         PRIMARY KEY,
    format      VARCHAR(8)   NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    total       INTEGER      NOT NULL,
    processed   INTEGER      NOT NULL,
    succeeded   INTEGER      NOT NULL,
    failed      INTEGER      NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    version     BIGINT       NOT NULL
);
CREATE INDEX import_job_pending ON import_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE import_line (
    job_id  UUID    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    content TEXT    NOT NULL,
    PRIMARY KEY (job_id, line_no)
);

CREATE TABLE import_failure (
    job_id  UUID          NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line_no INTEGER       NOT NULL,
    errors  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job_id, line_no)
);
