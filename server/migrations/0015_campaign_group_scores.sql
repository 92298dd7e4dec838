-- 0015: issue 12's second step (docs/api-contract.md, "Issue 12 (second step)"): the campaign's
-- leadership group and office, files attached to a submission (stamped scans, the written
-- account's files), and the target-score scheme as data.
ALTER TABLE campaigns ADD COLUMN office TEXT;

-- 领导小组: 组长 (one), 副组长, 成员, each with the post they hold.
CREATE TABLE campaign_group_members (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
  post TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX campaign_group_members_campaign ON campaign_group_members (campaign_id);

-- A file of one submission version, judged by its content (PDF, PNG, JPEG). The bytes are
-- kept as base64 text: one portable column for SQLite and PostgreSQL; lists never read it.
CREATE TABLE submission_attachments (
  id {{id}},
  submission_id BIGINT NOT NULL REFERENCES submissions(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,
  uploaded_at {{timestamp}} NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX submission_attachments_submission ON submission_attachments (submission_id);

-- 目标考核: the scheme's items in order, each worth `weight` points, measured one way.
CREATE TABLE score_items (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  sort_order INTEGER NOT NULL,
  measure TEXT NOT NULL CHECK (measure IN ('compliance', 'timeliness', 'spot_check', 'accepted')),
  label TEXT NOT NULL,
  weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
  milestone_id BIGINT REFERENCES milestones(id),
  on_date {{date}},
  per_day_penalty INTEGER CHECK (per_day_penalty IS NULL OR per_day_penalty BETWEEN 0 AND 100)
);
CREATE INDEX score_items_campaign ON score_items (campaign_id, sort_order);
