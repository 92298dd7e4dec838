-- 0017: a report being prepared (issue 12: the dashboard's 草稿 state). A body saves what it
-- will submit — the explanation beside a form, the written account's text — before it submits;
-- one draft a body and milestone, gone when the report is submitted.
CREATE TABLE submission_drafts (
  milestone_id BIGINT NOT NULL REFERENCES milestones(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  explanation TEXT,
  text TEXT,
  saved_at {{timestamp}} NOT NULL,
  saved_by TEXT NOT NULL,
  CONSTRAINT submission_drafts_pkey PRIMARY KEY (milestone_id, organisation_id)
);
