-- 0023: recruitment notices (招募公告, issue 13 step 2; docs/api-contract.md, "Issue 13 (step 2)").
-- A body (or a township or street for all its villages and communities) publishes what it needs:
-- places per role, duties, conditions, how to apply, a deadline. Once published it has a public
-- page under an unguessable slug, where a woman may nominate herself; her nomination keeps the
-- notice it answered. Constraint names are mapped to user-facing errors; keep them.
CREATE TABLE recruitment_notices (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  coverage TEXT NOT NULL CONSTRAINT recruitment_notices_coverage_known CHECK (coverage IN ('own', 'villages')),
  title TEXT NOT NULL,
  duties TEXT NOT NULL,
  conditions TEXT NOT NULL,
  how_to_apply TEXT NOT NULL,
  contact TEXT,
  deadline {{date}} NOT NULL,
  state TEXT NOT NULL CONSTRAINT recruitment_notices_state_known CHECK (state IN ('draft', 'published', 'closed')),
  slug TEXT,  -- 128 random bits as 26 characters of base32, set when published
  published_at {{timestamp}},
  closed_at {{timestamp}},
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  CONSTRAINT recruitment_notices_slug UNIQUE (slug)
);
CREATE INDEX recruitment_notices_organisation ON recruitment_notices (organisation_id, id);

-- The places a notice offers, per role, in the order written.
CREATE TABLE notice_places (
  notice_id BIGINT NOT NULL REFERENCES recruitment_notices(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  places INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  CONSTRAINT notice_places_pkey PRIMARY KEY (notice_id, role)
);

-- The notice a self-nomination answered; a receipt code is looked up by its hash.
ALTER TABLE nominations ADD COLUMN notice_id BIGINT REFERENCES recruitment_notices(id);
CREATE INDEX nominations_notice ON nominations (notice_id, id);
CREATE UNIQUE INDEX nominations_receipt ON nominations (receipt_code_hash);
-- Self-nominations of one ID number in a day (the per-person limit).
CREATE INDEX nominations_id_number ON nominations (id_number, created_at);
