-- 0008: uploads as jobs (docs/api-contract.md, "Uploads are jobs"). A job is a row, so
-- that any server behind the load balancer answers the polling: the uploaded file (base64,
-- removed once committed or deleted), the state, the progress, the report's summary (JSON),
-- and the judgement of each row (import_rows, the dry run's or the commit's).

CREATE TABLE imports (
  id {{id}},
  account_id BIGINT NOT NULL REFERENCES accounts(id),  -- only she sees the job
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),  -- imported within
  kind TEXT NOT NULL CHECK (kind IN ('roster', 'outstanding-women', 'social-organisations')),
  state TEXT NOT NULL
    CHECK (state IN ('checking', 'checked', 'committing', 'committed', 'refused', 'failed')),
  file_name TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT,  -- the file, base64; NULL once committed or deleted
  progress_done INTEGER NOT NULL DEFAULT 0,
  progress_total INTEGER NOT NULL DEFAULT 0,
  report TEXT,   -- JSON: the report's summary
  error_code TEXT,
  error_message TEXT,
  error_message_en TEXT,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL
);
CREATE INDEX imports_account ON imports (account_id, created_at);
CREATE INDEX imports_created ON imports (created_at);
-- One job at a time per account is being worked on.
CREATE UNIQUE INDEX imports_one_busy ON imports (account_id) WHERE state IN ('checking', 'committing');

CREATE TABLE import_rows (
  import_id BIGINT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  row INTEGER NOT NULL,   -- as the spreadsheet program numbers it
  outcome TEXT NOT NULL CHECK (outcome IN ('create', 'update', 'unchanged', 'error')),
  detail TEXT NOT NULL    -- JSON: name, creates_person, person_changes, creates_position, organisation, role, errors
);
CREATE INDEX import_rows_row ON import_rows (import_id, row);
CREATE INDEX import_rows_outcome ON import_rows (import_id, outcome, row);
