-- 0020: certificates (证书, issue 13 §5). The federation one level up certifies a position;
-- each issuer numbers its certificates per year without gaps or reuse: the counter row of
-- (issuer, year) is taken and raised in the transaction that stores the certificate, so two
-- clerks issuing at once wait for each other and a failed issue gives its number back.
-- A certificate keeps what it says as printed (holder, body, post, since); its position may
-- later end (the certificate then no longer holds) or be removed as a mistake (position_id
-- set to NULL: it no longer holds either).
CREATE TABLE certificate_prefixes (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id),
  prefix TEXT NOT NULL,
  updated_at {{timestamp}} NOT NULL
);

CREATE TABLE certificate_counters (
  issuer_id BIGINT NOT NULL REFERENCES organisations(id),
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  CONSTRAINT certificate_counters_pkey PRIMARY KEY (issuer_id, year)
);

CREATE TABLE certificates (
  id {{id}},
  position_id BIGINT REFERENCES positions(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  issuer_id BIGINT NOT NULL REFERENCES organisations(id),
  issuer_name TEXT NOT NULL,
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  number_text TEXT NOT NULL,
  code TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  holder_name TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  organisation_name TEXT NOT NULL,
  role TEXT NOT NULL,
  role_label TEXT NOT NULL,
  start_on {{date}} NOT NULL,
  issued_on {{date}} NOT NULL,
  issued_at {{timestamp}} NOT NULL,
  issued_by TEXT NOT NULL,
  revoked_on {{date}},
  revoke_reason TEXT,
  prints INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT certificates_number UNIQUE (issuer_id, year, number),
  CONSTRAINT certificates_code UNIQUE (code)
);
CREATE INDEX certificates_position ON certificates (position_id);
CREATE INDEX certificates_organisation ON certificates (organisation_id, issued_on);
