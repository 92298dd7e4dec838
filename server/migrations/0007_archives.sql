-- 0007: the survey archives of the work plan (建立相应的档案): outstanding women of an
-- area and its women's social organisations. Each entry belongs to a body of the tree:
-- the accounts of that body's subtree see it (services/archives.cpp).

CREATE TABLE outstanding_women (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),  -- the body that proposed her
  honour TEXT NOT NULL,
  field TEXT,
  year INTEGER,
  notes TEXT,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL
);
-- One entry per woman, honour and proposing body.
CREATE UNIQUE INDEX outstanding_women_unique ON outstanding_women (person_id, organisation_id, honour);
CREATE INDEX outstanding_women_organisation ON outstanding_women (organisation_id);

CREATE TABLE social_organisations (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),  -- the body whose area it is in
  name TEXT NOT NULL,
  kind TEXT,
  field TEXT,
  head_name TEXT,
  member_count INTEGER CHECK (member_count IS NULL OR member_count >= 0),
  contact TEXT,
  founded_on {{date}},
  notes TEXT,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL
);
CREATE UNIQUE INDEX social_organisations_name_unique ON social_organisations (organisation_id, name);
CREATE INDEX social_organisations_organisation ON social_organisations (organisation_id);
