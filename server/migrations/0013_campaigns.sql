-- 0013: the campaign and its reporting chain (issue 12, first step; docs/api-contract.md,
-- "Issue 12 (first step)"). A campaign is run by a federation (the city) with its issuing
-- document and baseline; its milestones say what is due from which level by which day (data,
-- not code); a submission is one version of one body's report for a milestone, frozen as a
-- snapshot with its SHA-256: submitted, then returned (a new version may follow) or accepted.
-- Reminders (催报) are recorded and shown to the body reminded.
CREATE TABLE campaigns (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  document_number TEXT,
  document_date {{date}},
  document_text TEXT,
  baseline_on {{date}} NOT NULL,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL
);
CREATE INDEX campaigns_organisation ON campaigns (organisation_id);

CREATE TABLE milestones (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  title TEXT NOT NULL,
  -- form: one of the five forms, computed live and frozen when submitted; account: a written
  -- account (做法、经验和成效) as text; deadline: a date to meet, nothing to submit.
  kind TEXT NOT NULL CHECK (kind IN ('form', 'account', 'deadline')),
  form INTEGER CHECK (form IS NULL OR form BETWEEN 1 AND 5),
  -- Which bodies owe it: district-level federations, streets and townships, or the pilots.
  level TEXT NOT NULL CHECK (level IN ('district', 'township', 'pilot')),
  due_on {{date}} NOT NULL,
  report_on {{date}},  -- the form's report date (default: due_on)
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  CONSTRAINT milestones_form_kind CHECK ((kind = 'form') = (form IS NOT NULL))
);
CREATE INDEX milestones_campaign ON milestones (campaign_id, due_on);

CREATE TABLE submissions (
  id {{id}},
  milestone_id BIGINT NOT NULL REFERENCES milestones(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  state TEXT NOT NULL CHECK (state IN ('submitted', 'returned', 'accepted')),
  snapshot TEXT NOT NULL,  -- the form's JSON as submitted, or {"text": ...} for an account
  sha256 TEXT NOT NULL,
  explanation TEXT,
  days_late INTEGER NOT NULL DEFAULT 0,
  submitted_at {{timestamp}} NOT NULL,
  submitted_by TEXT NOT NULL,
  decided_at {{timestamp}},
  decided_by TEXT,
  decision_reason TEXT
);
-- Two clerks submitting at once: the second version number collides and is refused.
CREATE UNIQUE INDEX submissions_version_unique ON submissions (milestone_id, organisation_id, version);
CREATE INDEX submissions_organisation ON submissions (organisation_id);

CREATE TABLE reminders (
  id {{id}},
  milestone_id BIGINT NOT NULL REFERENCES milestones(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  note TEXT,
  sent_at {{timestamp}} NOT NULL,
  sent_by TEXT NOT NULL
);
CREATE INDEX reminders_milestone ON reminders (milestone_id, organisation_id);
