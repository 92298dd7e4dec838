-- 0011: where each body stood, what it was called and what type it was, dated
-- (issue 11, "The tree as it stood"). `organisations` keeps the current state; each body
-- has one or more versions here, contiguous and not overlapping: [valid_from, valid_to),
-- valid_to NULL for the current one, which always equals the row in `organisations`.
-- A body nobody has moved, renamed or converted has one version from 1900-01-01 (before
-- any date the registry holds). A form for a date D counts a body where its version on D
-- puts it: `path` is the materialised path on those days, so a subtree on D is one index
-- range again (path >= P AND path < P || '~') with the version held on D.
CREATE TABLE organisation_versions (
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  valid_from {{date}} NOT NULL,
  valid_to {{date}},
  parent_id BIGINT,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT {{collate_c}} NOT NULL,
  depth INTEGER NOT NULL,
  CONSTRAINT organisation_versions_pkey PRIMARY KEY (organisation_id, valid_from),
  CONSTRAINT organisation_versions_order CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX organisation_versions_path ON organisation_versions (path, valid_from);

INSERT INTO organisation_versions (organisation_id, valid_from, valid_to, parent_id, type, name, path, depth)
  SELECT id, '1900-01-01', NULL, parent_id, type, name, path, depth FROM organisations;
