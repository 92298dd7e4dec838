-- 0003: accounts, server-side sessions, login throttling; who registered a person; who
-- made each audited change. Placeholders as in 0001. Times of sessions and login attempts
-- are Unix seconds (BIGINT) so that expiry and throttling compare numbers on both databases.

CREATE TABLE accounts (
  id {{id}},
  username TEXT NOT NULL,
  password_hash TEXT NOT NULL,           -- argon2id, libsodium's crypto_pwhash_str format
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CONSTRAINT accounts_role_known CHECK (role IN
    ('system_admin','federation_admin','operator','viewer')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at {{timestamp}} NOT NULL,
  password_changed_at {{timestamp}} NOT NULL
);
CREATE UNIQUE INDEX accounts_username_unique ON accounts (username);
CREATE INDEX accounts_organisation ON accounts (organisation_id);

-- The token itself is never stored: token_hash is its SHA-256 (hex). public_id names a
-- session in the API (listing, ending) without revealing anything usable.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  public_id TEXT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,            -- idle expiry, moved on as the session is used
  absolute_expires_at BIGINT NOT NULL,
  address TEXT,
  user_agent TEXT
);
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_attempts (
  id {{id}},
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

-- A person is visible to the subtree of the account that registered her until she holds
-- a position somewhere.
ALTER TABLE people ADD COLUMN registered_in BIGINT REFERENCES organisations(id);
CREATE INDEX people_registered_in ON people (registered_in);

ALTER TABLE audit_events ADD COLUMN account_id BIGINT;
ALTER TABLE audit_events ADD COLUMN person_id BIGINT;
CREATE INDEX audit_events_person ON audit_events (person_id, at);
CREATE INDEX audit_events_actor ON audit_events (actor, at);
