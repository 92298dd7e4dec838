-- 0019: nominations (issue 13, step 1; docs/api-contract.md, "Issue 13 (step 1): nominations").
-- A woman nominated to one body for one role by one of the four channels, worked through the
-- selection procedure (domain/selection): each transition is a row of nomination_steps. The
-- constraint and index names are mapped to user-facing errors in storage/database.cpp; keep them.
CREATE TABLE nominations (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),  -- the body she is nominated to
  role TEXT NOT NULL,  -- a role dictionary code allowed for the body's type (checked by the use case)
  channel TEXT NOT NULL CONSTRAINT nominations_channel_known
    CHECK (channel IN ('self', 'residents', 'unit', 'direct')),
  nominated_by TEXT,  -- the resident (residents) or the work unit (unit); null for self and direct
  person_id BIGINT REFERENCES people(id),  -- the registered person whose ID number is hers
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,  -- normalised, 18 characters
  mobile TEXT,
  statement TEXT,
  step TEXT NOT NULL DEFAULT 'nominated' CONSTRAINT nominations_step_known
    CHECK (step IN ('nominated', 'assessed', 'manner_decided', 'confirmed', 'appointed', 'certified', 'filed',
                    'failed', 'not_confirmed', 'withdrawn')),
  manner TEXT CONSTRAINT nominations_manner_known
    CHECK (manner IS NULL OR manner IN ('full_time', 'part_time', 'seconded', 'volunteer')),
  receipt_code_hash TEXT,  -- a public self-nomination's receipt code, hashed (issue 13, step 2)
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  CONSTRAINT nominations_nominator CHECK (channel IN ('self', 'direct') OR nominated_by IS NOT NULL)
);
-- The lists: a body's nominations at a step, in the order they came.
CREATE INDEX nominations_organisation_step ON nominations (organisation_id, step, id);
-- One open (not final) nomination of a woman for one body and role, whoever writes at the same moment.
CREATE UNIQUE INDEX nominations_one_open ON nominations (organisation_id, role, id_number)
  WHERE step NOT IN ('filed', 'failed', 'not_confirmed', 'withdrawn');

-- One row a transition: the event, the step it came from and led to, what it carried, who and when.
CREATE TABLE nomination_steps (
  id {{id}},
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  event TEXT NOT NULL CONSTRAINT nomination_steps_event_known
    CHECK (event IN ('assess', 'decide_manner', 'confirm', 'appoint', 'certify', 'file', 'withdraw')),
  from_step TEXT NOT NULL,
  to_step TEXT NOT NULL,
  passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),  -- assess (and confirm): passed or not
  manner TEXT,  -- decide_manner
  note TEXT,
  done_by TEXT NOT NULL,
  done_at {{timestamp}} NOT NULL
);
CREATE INDEX nomination_steps_nomination ON nomination_steps (nomination_id, id);
