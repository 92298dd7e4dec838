-- 0009: what forms 1 and 2 need and the registry lacks (docs/api-contract.md, "Issue 11").
-- The placeholders are 0001's. Constraint and index names are mapped to user-facing errors
-- in storage/database.cpp; keep them.

-- The contacts (工作联系人) of a body for the expansion work (附表1). Dated like positions:
-- held on D when start_on <= D < end_on; ended, never deleted.
CREATE TABLE contacts (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  post TEXT,
  office_phone TEXT,
  mobile TEXT,
  email TEXT,
  start_on {{date}} NOT NULL,
  end_on {{date}},
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  CONSTRAINT contacts_end_after_start CHECK (end_on IS NULL OR end_on > start_on),
  CONSTRAINT contacts_reachable CHECK (office_phone IS NOT NULL OR mobile IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX contacts_organisation ON contacts (organisation_id, start_on);

-- The re-elections (换届) of city, district, county and county-level city federations
-- (附表2); the body type is checked by the use case (domain/reelection.h). The one in force
-- on D is the latest held on or before D.
CREATE TABLE reelections (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  held_on {{date}} NOT NULL,
  term_years INTEGER NOT NULL DEFAULT 5
    CONSTRAINT reelections_term_years_range CHECK (term_years BETWEEN 1 AND 10),
  delegates INTEGER NOT NULL CONSTRAINT reelections_delegates_range CHECK (delegates >= 0),
  delegates_minority INTEGER NOT NULL DEFAULT 0,
  delegates_party INTEGER NOT NULL DEFAULT 0,
  delegates_grassroots INTEGER NOT NULL DEFAULT 0,
  delegates_under_35 INTEGER NOT NULL DEFAULT 0,
  notes TEXT,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  CONSTRAINT reelections_breakdowns_within_delegates CHECK (
    delegates_minority BETWEEN 0 AND delegates AND delegates_party BETWEEN 0 AND delegates AND
    delegates_grassroots BETWEEN 0 AND delegates AND delegates_under_35 BETWEEN 0 AND delegates)
);
-- One re-election of a body a day.
CREATE UNIQUE INDEX reelections_one_per_day ON reelections (organisation_id, held_on);
